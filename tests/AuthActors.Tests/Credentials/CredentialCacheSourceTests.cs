using System.Net;
using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class CredentialCacheSourceTests
{
    private static readonly Uri s_origin = new("https://api.example.com");

    [Fact]
    public async Task GetAsync_DigestEntry_AnswersDigestButNotBasic()
    {
        var source = new CredentialCacheSource(new CredentialCache { { s_origin, "Digest", new NetworkCredential("alice", "pw") } });

        CredentialAnswer digest = await source.GetAsync(Request("https://api.example.com", scheme: "Digest"), CancellationToken.None);
        CredentialAnswer basic = await source.GetAsync(Request("https://api.example.com", scheme: "Basic"), CancellationToken.None);

        Assert.Equal("alice", digest.Credential?.UserName);
        Assert.Equal(CredentialAnswerKind.Declined, basic.Kind);
    }

    [Fact]
    public async Task GetAsync_BasicWithDomain_SendsDomainBackslashUserAsSocketsHttpHandlerDoes()
    {
        var source = new CredentialCacheSource(new CredentialCache { { s_origin, "Basic", new NetworkCredential("alice", "pw", "CORP") } });

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com", scheme: "Basic"), CancellationToken.None);

        Assert.Equal("CORP\\alice", answer.Credential?.UserName);
        Assert.Equal("CORP", answer.Credential?.Account);
    }

    [Fact]
    public async Task GetAsync_DigestWithDomain_KeepsThePlainUserName()
    {
        var source = new CredentialCacheSource(new NetworkCredential("alice", "pw", "CORP"));

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com", scheme: "Digest"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
        Assert.Equal("CORP", answer.Credential?.Account);
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    [InlineData("x-custom")]
    public async Task GetAsync_SingleNetworkCredential_AnswersAnyScheme(string scheme)
    {
        var source = new CredentialCacheSource(new NetworkCredential("alice", "pw"));

        CredentialAnswer answer = await source.GetAsync(Request("https://anywhere.example", scheme: scheme), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
        Assert.Equal("pw", answer.Credential?.Password);
    }

    [Fact]
    public async Task GetAsync_PathPrefixEntry_MatchesOnlyWithTheRequestUri()
    {
        var source = new CredentialCacheSource(new CredentialCache { { new Uri("https://api.example.com/private/"), "Basic", new NetworkCredential("alice", "pw") } });

        CredentialAnswer originOnly = await source.GetAsync(new CredentialRequest(s_origin, null, "Basic", false), CancellationToken.None);
        CredentialAnswer withUri = await source.GetAsync(new CredentialRequest(s_origin, null, "Basic", false, new Uri("https://api.example.com/private/report")), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, originOnly.Kind);
        Assert.Equal("alice", withUri.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_DefaultNetworkCredentials_DeclinesWithAReason()
    {
        var source = new CredentialCacheSource(CredentialCache.DefaultNetworkCredentials);

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com", scheme: "Basic"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Contains("no user name", answer.Reason, StringComparison.Ordinal);
    }
}
