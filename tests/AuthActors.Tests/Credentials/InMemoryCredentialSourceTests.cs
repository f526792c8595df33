using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class InMemoryCredentialSourceTests
{
    private static readonly Uri s_origin = new("https://api.example.com");

    [Fact]
    public async Task GetAsync_RealmEntry_WinsOverOriginEntry()
    {
        var source = new InMemoryCredentialSource()
            .Add(s_origin, "origin-user", "1")
            .Add(s_origin, "realm-user", "2", realm: "admin");

        CredentialAnswer admin = await source.GetAsync(Request("https://api.example.com", realm: "admin"), CancellationToken.None);
        CredentialAnswer other = await source.GetAsync(Request("https://api.example.com", realm: "other"), CancellationToken.None);

        Assert.Equal("realm-user", admin.Credential?.UserName);
        Assert.Equal("origin-user", other.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_RealmIsCaseSensitive()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "realm-user", "2", realm: "Admin");

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com", realm: "admin"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task GetAsync_OriginSpelledDifferently_StillMatches()
    {
        var source = new InMemoryCredentialSource().Add(new Uri("https://API.Example.com:443/some/path"), "alice", "pw");

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_Default_AnswersOnlyOriginsWithoutAnEntry()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "alice", "pw").SetDefault("fallback", "pw");

        CredentialAnswer known = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);
        CredentialAnswer unknown = await source.GetAsync(Request("https://other.example"), CancellationToken.None);

        Assert.Equal("alice", known.Credential?.UserName);
        Assert.Equal("fallback", unknown.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_DeniedOrigin_DeniesEvenWithADefault()
    {
        var source = new InMemoryCredentialSource().SetDefault("fallback", "pw").Deny(s_origin, "not this one");

        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Denied, answer.Kind);
        Assert.Equal("not this one", answer.Reason);
    }

    [Fact]
    public async Task GetAsync_RealmCredentialUnderDeniedOrigin_RealmWins()
    {
        var source = new InMemoryCredentialSource().Deny(s_origin, "no").Add(s_origin, "alice", "pw", realm: "ok");

        CredentialAnswer ok = await source.GetAsync(Request("https://api.example.com", realm: "ok"), CancellationToken.None);
        CredentialAnswer other = await source.GetAsync(Request("https://api.example.com", realm: "other"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Found, ok.Kind);
        Assert.Equal(CredentialAnswerKind.Denied, other.Kind);
    }

    [Fact]
    public async Task Add_SameOriginAgain_ReplacesTheCredential()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "alice", "old");

        source.Add(s_origin, "alice", "new");
        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);

        Assert.Equal("new", answer.Credential?.Password);
        Assert.Equal(1, source.Count);
    }

    [Fact]
    public async Task Remove_Entry_DeclinesAfterwards()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "alice", "pw");

        bool removed = source.Remove(s_origin);
        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);

        Assert.True(removed);
        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task Clear_RemovesEntriesAndDefault()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "alice", "pw").SetDefault("d", "pw");

        source.Clear();
        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }
}
