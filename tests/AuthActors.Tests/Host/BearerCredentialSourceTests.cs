using AuthActors.Credentials;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>The host's source for <c>--client-id</c>/<c>--bearer</c>: the Bearer scheme only, the given origins only, no plain http beyond loopback.</summary>
public sealed class BearerCredentialSourceTests
{
    private static readonly Credential s_client = new("cli", "S3cret-Value-42");

    private static BearerCredentialSource Source() =>
        new([new Uri("http://127.0.0.1:8080/"), new Uri("https://api.example/"), new Uri("http://plain.example/")], s_client);

    private static ValueTask<CredentialAnswer> AskAsync(string origin, string scheme, bool isProxy = false) =>
        Source().GetAsync(new CredentialRequest(new Uri(origin), "api", scheme, isProxy), CancellationToken.None);

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("https://api.example/")]
    [InlineData("https://API.example:443/")]
    public async Task Bearer_GivenOrigin_IsFound(string origin)
    {
        CredentialAnswer answer = await AskAsync(origin, "Bearer");

        Assert.Equal(CredentialAnswerKind.Found, answer.Kind);
        Assert.Same(s_client, answer.Credential);
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Basic")]
    public async Task OtherScheme_GivenOrigin_IsDeclined(string scheme)
    {
        // The client secret must never become a Basic or Digest password.
        CredentialAnswer answer = await AskAsync("https://api.example/", scheme);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task Bearer_OtherOrigin_IsDeclined()
    {
        CredentialAnswer answer = await AskAsync("https://other.example/", "Bearer");

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task Bearer_Proxy_IsDeclined()
    {
        CredentialAnswer answer = await AskAsync("http://127.0.0.1:8080/", "Bearer", isProxy: true);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Theory]
    [InlineData("http://plain.example/")]
    [InlineData("http://other.example/")]
    public async Task Bearer_PlainHttpBeyondLoopback_IsDeniedEvenForAGivenOrigin(string origin)
    {
        // RFC 6750 §5.3: a token sent in clear is all an eavesdropper needs; Deny stops the chain,
        // so no later source (netrc, environment) can send one either.
        CredentialAnswer answer = await AskAsync(origin, "Bearer");

        Assert.Equal(CredentialAnswerKind.Denied, answer.Kind);
        Assert.Contains("loopback", answer.Reason, StringComparison.Ordinal);
    }
}
