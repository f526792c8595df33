using AuthActors.Credentials;
using Microsoft.Extensions.Configuration;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class ConfigurationCredentialSourceTests
{
    private const string Section = "authactors:credentials:entries";

    private static ConfigurationCredentialSource Source(params (int Index, string Key, string Value)[] values)
    {
        IConfigurationRoot root = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => $"{Section}:{v.Index}:{v.Key}", v => (string?)v.Value))
            .Build();
        return new ConfigurationCredentialSource(root.GetSection(Section));
    }

    [Fact]
    public async Task GetAsync_RealmEntry_WinsOverOriginOnlyEntryWhateverTheOrder()
    {
        var source = Source(
            (0, "origin", "https://h"), (0, "username", "origin-only"), (0, "password", "1"),
            (1, "origin", "https://h:443"), (1, "realm", "admin"), (1, "username", "admin-user"), (1, "password", "2"));

        CredentialAnswer admin = await source.GetAsync(Request("https://h", realm: "admin"), CancellationToken.None);
        CredentialAnswer other = await source.GetAsync(Request("https://h", realm: "other"), CancellationToken.None);

        Assert.Equal("admin-user", admin.Credential?.UserName);
        Assert.Equal("origin-only", other.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_ProxyEntry_AnswersOnlyProxyRequests()
    {
        var source = Source((0, "origin", "http://proxy.local:3128"), (0, "proxy", "true"), (0, "username", "p"), (0, "password", "pw"));

        CredentialAnswer proxy = await source.GetAsync(Request("http://proxy.local:3128", isProxy: true), CancellationToken.None);
        CredentialAnswer origin = await source.GetAsync(Request("http://proxy.local:3128"), CancellationToken.None);

        Assert.Equal("p", proxy.Credential?.UserName);
        Assert.Equal(CredentialAnswerKind.Declined, origin.Kind);
    }

    [Fact]
    public async Task GetAsync_DenyEntry_Denies()
    {
        var source = Source((0, "origin", "http://tracker.example"), (0, "deny", "never to the tracker"));

        CredentialAnswer answer = await source.GetAsync(Request("http://tracker.example"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Denied, answer.Kind);
        Assert.Equal("never to the tracker", answer.Reason);
    }

    [Fact]
    public async Task GetAsync_KeysInAnyCase_AreRead()
    {
        var source = Source((0, "Origin", "https://h"), (0, "UserName", "alice"), (0, "PASSWORD", "pw"), (0, "Account", "acct"));

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
        Assert.Equal("acct", answer.Credential?.Account);
    }

    [Fact]
    public async Task GetAsync_EmptySection_Declines()
    {
        CredentialAnswer answer = await Source().GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    public static TheoryData<(int, string, string)[], string> MalformedEntries => new()
    {
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "username", "b"), (1, "password", "hunter2")], "key 'origin' is required" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h"), (1, "username", "b"), (1, "pasword", "hunter2")], "unknown key 'pasword'" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h"), (1, "username", "b")], "key 'password' is required" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h"), (1, "password", "hunter2")], "key 'username' is required" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://b:hunter2@h"), (1, "username", "b"), (1, "password", "hunter2")], "key 'origin' must not contain user-info" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "not a uri"), (1, "username", "b"), (1, "password", "hunter2")], "key 'origin' must be an absolute URI" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h/path"), (1, "username", "b"), (1, "password", "hunter2")], "without path" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h"), (1, "proxy", "yes"), (1, "username", "b"), (1, "password", "hunter2")], "key 'proxy' must be true or false" },
        { [(0, "origin", "https://ok"), (0, "username", "a"), (0, "password", "p"), (1, "origin", "https://h"), (1, "deny", "no"), (1, "password", "hunter2")], "must not have 'username', 'password'" },
    };

    [Theory]
    [MemberData(nameof(MalformedEntries))]
    public async Task GetAsync_MalformedEntry_ThrowsNamingEntryAndKeyButNotThePassword((int, string, string)[] values, string problem)
    {
        ConfigurationCredentialSource source = Source(values);

        CredentialSourceException error = await Assert.ThrowsAsync<CredentialSourceException>(() => source.GetAsync(Request("https://ok"), CancellationToken.None).AsTask());

        Assert.Contains("entry 1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Section}:1", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedEntry_Throws()
    {
        ConfigurationCredentialSource source = Source((0, "origin", "https://h"), (0, "username", "a"));

        Assert.Throws<CredentialSourceException>(source.Validate);
    }

    [Fact]
    public async Task ResolveAsync_MalformedEntry_IsSourceFailedWithTheEntryNamed()
    {
        var chain = new CredentialChain([Source((0, "origin", "https://h"), (0, "username", "a"))]);

        CredentialResolution resolution = await chain.ResolveAsync(Request("https://h"));

        Assert.Equal(CredentialEventKind.SourceFailed, resolution.Failure);
        Assert.Contains("entry 0", resolution.Reason, StringComparison.Ordinal);
        Assert.Contains("'password'", resolution.Reason, StringComparison.Ordinal);
    }
}
