using System.Text;
using AuthActors.Host.Commands;
using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors fetch</c> against an in-process <see cref="DigestServer"/> (user <c>user</c>, password <c>passwd</c>).</summary>
public sealed class FetchCommandTests
{
    private const string Body = "ok.............\n";

    [Theory]
    [InlineData("MD5")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256")]
    [InlineData("SHA-256-sess")]
    [InlineData("SHA-512-256")]
    [InlineData("SHA-512-256-sess")]
    public async Task Fetch_EveryAlgorithm_SucceedsAndPrintsTheBody(string algorithm)
    {
        Assert.True(DigestAlgorithms.TryParse(algorithm, out DigestAlgorithm parsed));
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [parsed] });

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/space/0/item").ToString(), "--user", "user", "--password", "passwd"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(Body, result.Output);
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task Fetch_WrongPassword_ExitsHttpErrorWithOneLineReasonAndNoPassword()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/x").ToString(), "-u", "user:Wr0ng-S3cret"]);

        Assert.Equal(ExitCodes.HttpError, result.Exit);
        string line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("fetch: HTTP 401 Unauthorized", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ng-S3cret", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_VerboseBasic_MasksTheCredential()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:passwd"));

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/basic/x").ToString(), "-u", "user:passwd", "--verbose"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("> Authorization: Basic ****", result.Error, StringComparison.Ordinal);
        Assert.Contains("< HTTP/1.1 401 Unauthorized", result.Error, StringComparison.Ordinal);
        Assert.Contains("< HTTP/1.1 200 OK", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_VerboseDigest_ShowsParametersButNeverTheResponse()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/x").ToString(), "-u", "user:passwd", "-v"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("> Authorization: Digest username=\"user\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("response=\"****\"", result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("response=\"?[0-9a-f]{32}", result.Error);
        Assert.DoesNotContain("passwd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_Include_PrintsStatusLineAndHeadersBeforeTheBody()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/open/x").ToString(), "--include"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("HTTP/1.1 200 OK\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 16\n", result.Output, StringComparison.Ordinal);
        Assert.EndsWith(Body, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_DataWithAuthInt_SendsTheBodyTheServerVerifies()
    {
        // qop=auth-int hashes the body into the response (RFC 7616 §3.4.3): a 200 proves the
        // server received exactly the bytes the client hashed.
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/x").ToString(), "-u", "user:passwd", "--data", "name=value&x=1"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task Fetch_DataFromFile_IsSent()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("body.txt", "from a file\n");
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/x").ToString(), "-u", "user:passwd", "-d", "@" + file, "-X", "PUT"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task Fetch_NetrcFile_SuppliesTheCredential()
    {
        using var temp = new TempDirectory();
        string netrc = temp.Write("netrc", "machine 127.0.0.1 login user password passwd\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(netrc, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", "--netrc", netrc, new Uri(server.BaseAddress, "/x").ToString()]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(Body, result.Output);
    }

    [Fact]
    public async Task Fetch_NoCredential_ExitsHttpErrorWith401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", new Uri(server.BaseAddress, "/x").ToString()]);

        Assert.Equal(ExitCodes.HttpError, result.Exit);
        Assert.StartsWith("fetch: HTTP 401", Assert.Single(result.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_NothingListening_ExitsConnectFailedWithOneLine()
    {
        HostResult result = await HostRun.RunAsync(["fetch", "http://127.0.0.1:1/x", "--timeout", "5s"]);

        Assert.Equal(ExitCodes.ConnectFailed, result.Exit);
        Assert.StartsWith("fetch: ", Assert.Single(result.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ThroughAProxy_AnswersItsDigest407()
    {
        // The embedded server in proxy mode: an absolute-form request needs Proxy-Authorization.
        await using DigestServer proxy = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true });

        HostResult result = await HostRun.RunAsync(["fetch", "http://origin.test/page", "--proxy", proxy.BaseAddress.ToString(), "--proxy-user", "user:passwd", "-v"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(Body, result.Output);
        Assert.Contains("< HTTP/1.1 407", result.Error, StringComparison.Ordinal);
        Assert.Contains("> Proxy-Authorization: Digest username=\"user\"", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Stats.Succeeded);
    }

    [Fact]
    public async Task Fetch_BadMethod_ExitsTwoNamingTheOption()
    {
        HostResult result = await HostRun.RunAsync(["fetch", "-X", "BAD METHOD", "http://127.0.0.1:1/x"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("--request", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/x")]
    public async Task Fetch_NotAnHttpUrl_ExitsTwo(string url)
    {
        HostResult result = await HostRun.RunAsync(["fetch", url]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("is not an http:// or https:// URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_PasswordWithoutUser_ExitsTwoWithoutEchoingIt()
    {
        HostResult result = await HostRun.RunAsync(["fetch", "http://127.0.0.1:1/x", "--password", "Hidden-Pw"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("--password needs --user", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden-Pw", result.Error, StringComparison.Ordinal);
    }
}
