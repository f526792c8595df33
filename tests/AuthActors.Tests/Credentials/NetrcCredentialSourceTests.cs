using AuthActors.Credentials;
using Microsoft.Extensions.Logging;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class NetrcCredentialSourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Write(string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        string path = _directory.File(".netrc");
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetAsync_MissingFile_Declines()
    {
        using var source = new NetrcCredentialSource(_directory.File(".netrc"));

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task GetAsync_LoginWithoutPassword_DeclinesWithAReason()
    {
        using var source = new NetrcCredentialSource(Write("machine h login alice\n"));

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Contains("login but no password", answer.Reason, StringComparison.Ordinal);
        Assert.Contains("line 1", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EntryWithPasswordButNoLogin_DeclinesWithAReason()
    {
        using var source = new NetrcCredentialSource(Write("machine h password pw\n"));

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Contains("no login", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_HostOnAnyPort_Matches()
    {
        using var source = new NetrcCredentialSource(Write("machine h login alice password pw account acct\n"));

        CredentialAnswer answer = await source.GetAsync(Request("http://h:8080"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
        Assert.Equal("acct", answer.Credential?.Account);
    }

    [Fact]
    public async Task GetAsync_IPv6Host_MatchesWithoutBrackets()
    {
        using var source = new NetrcCredentialSource(Write("machine ::1 login alice password pw\n"));

        CredentialAnswer answer = await source.GetAsync(Request("http://[::1]:8080"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_ProxyRequest_DeclinedUnlessEnabled()
    {
        string path = Write("machine proxy.local login alice password pw\n");
        using var plain = new NetrcCredentialSource(path);
        using var forProxies = new NetrcCredentialSource(path) { AnswerProxyRequests = true };
        CredentialRequest request = Request("http://proxy.local:3128", isProxy: true);

        CredentialAnswer declined = await plain.GetAsync(request, CancellationToken.None);
        CredentialAnswer found = await forProxies.GetAsync(request, CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, declined.Kind);
        Assert.Equal(CredentialAnswerKind.Found, found.Kind);
    }

    [Fact]
    public async Task GetAsync_MalformedFile_ThrowsNetrcFormatException()
    {
        using var source = new NetrcCredentialSource(Write("machine h\nlogin"));

        NetrcFormatException error = await Assert.ThrowsAsync<NetrcFormatException>(() => source.GetAsync(Request("https://h"), CancellationToken.None).AsTask());

        Assert.Equal(2, error.Line);
        Assert.Equal(source.Path, error.FileName);
    }

    [Fact]
    public async Task ResolveAsync_MalformedNetrc_IsSourceFailedNamingFileAndLineAndTheChainGoesOn()
    {
        using var netrc = new NetrcCredentialSource(Write("machine h login alice password \"oops"));
        var chain = new CredentialChain([netrc, new InMemoryCredentialSource().Add(new Uri("https://h"), "bob", "pw")]);
        var events = new List<CredentialEvent>();
        chain.EventRaised += (_, e) => events.Add(e);

        CredentialResolution resolution = await chain.ResolveAsync(Request("https://h"));

        Assert.Equal("bob", resolution.Credential?.UserName);
        CredentialEvent failed = Assert.Single(events);
        Assert.Equal(CredentialEventKind.SourceFailed, failed.Kind);
        Assert.Equal("netrc", failed.Source);
        Assert.Contains("line 1", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(".netrc", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", failed.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_FileReadableByOthers_WarnsOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var logger = new ListLogger<NetrcCredentialSource>();
        using var source = new NetrcCredentialSource(Write("machine h login alice password pw\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead), logger);

        await source.GetAsync(Request("https://h"), CancellationToken.None);
        File.AppendAllText(source.Path!, "machine other login bob password pw2\n");
        await source.GetAsync(Request("https://h"), CancellationToken.None);

        LogRecord warning = Assert.Single(logger.Records, r => r.Level == LogLevel.Warning);
        Assert.Contains("644", warning.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_PrivateFile_DoesNotWarn()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var logger = new ListLogger<NetrcCredentialSource>();
        using var source = new NetrcCredentialSource(Write("machine h login alice password pw\n"), logger);

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Found, answer.Kind);
        Assert.DoesNotContain(logger.Records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task GetAsync_UnknownTokens_LoggedByLineOnly()
    {
        var logger = new ListLogger<NetrcCredentialSource>();
        using var source = new NetrcCredentialSource(Write("machine h login alice password two words\n"), logger);

        await source.GetAsync(Request("https://h"), CancellationToken.None);

        LogRecord notice = Assert.Single(logger.Records, r => r.EventId.Id == 3021);
        Assert.DoesNotContain("words", notice.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvePath_ExplicitPath_Wins()
    {
        string? path = NetrcCredentialSource.ResolvePath(_directory.File("mine"), _ => "/elsewhere", isWindows: false);

        Assert.Equal(_directory.File("mine"), path);
    }

    [Fact]
    public void ResolvePath_NetrcVariable_WinsOverHome()
    {
        var variables = new Dictionary<string, string> { ["NETRC"] = _directory.File("from-env"), ["HOME"] = _directory.Path };

        string? path = NetrcCredentialSource.ResolvePath(null, name => variables.GetValueOrDefault(name), isWindows: false);

        Assert.Equal(_directory.File("from-env"), path);
    }

    [Fact]
    public void ResolvePath_Home_GivesDotNetrc()
    {
        string? path = NetrcCredentialSource.ResolvePath(null, name => name == "HOME" ? _directory.Path : null, isWindows: false);

        Assert.Equal(_directory.File(".netrc"), path);
    }

    [Fact]
    public void ResolvePath_WindowsWithoutDotNetrc_GivesUnderscoreNetrcInUserProfile()
    {
        string? path = NetrcCredentialSource.ResolvePath(null, name => name == "USERPROFILE" ? _directory.Path : null, isWindows: true);

        Assert.Equal(_directory.File("_netrc"), path);
    }
}
