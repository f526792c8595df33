using System.Net;
using AuthActors.Host.Commands;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors serve</c>: option errors, the banner, and a run until cancelled.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "abc", "--port")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--realms", "many", "--realms")]
    [InlineData("--nonce-lifetime", "5x", "--nonce-lifetime")]
    [InlineData("--nonce-lifetime", "0s", "--nonce-lifetime")]
    [InlineData("--algorithm", "SHA-1", "--algorithm")]
    [InlineData("--algorithm", "MD5,nope", "--algorithm")]
    [InlineData("--qop", "auth-conf", "--qop")]
    [InlineData("--nc-check", "sometimes", "--nc-check")]
    [InlineData("--user", "nocolon", "--user")]
    [InlineData("--response-bytes", "-1", "--response-bytes")]
    public async Task BadOptionValue_OneLineNamingTheOptionAndExitsTwo(string option, string value, string named)
    {
        (int exit, string output, string error) = await HostCommandLineTests.RunAsync("serve", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        string line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task BadUserValue_ErrorDoesNotEchoTheValue()
    {
        (_, _, string error) = await HostCommandLineTests.RunAsync("serve", "--user", "secret-without-colon");

        Assert.DoesNotContain("secret-without-colon", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PrintsAddressAndUserNamesButNoPasswords()
    {
        await using ServeRun run = await ServeRun.StartAsync("--user", "alice:s3cr3t-pw", "--user", "bob:other:pw", "--algorithm", "MD5,SHA-512-256", "--realms", "2");

        string banner = run.Output.Text;
        Assert.Contains(run.BaseAddress.ToString(), banner, StringComparison.Ordinal);
        Assert.Contains("alice, bob", banner, StringComparison.Ordinal);
        Assert.Contains("SHA-512-256, MD5", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("other:pw", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OptionsReachTheServer()
    {
        await using ServeRun run = await ServeRun.StartAsync("--algorithm", "MD5", "--algorithm", "SHA-256", "--qop", "auth,auth-int", "--realm", "lab", "--userhash");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = DigestTestClient.Timeout };

        using HttpResponseMessage response = await http.GetAsync(new Uri(run.BaseAddress, "/x"));

        IReadOnlyList<DigestChallenge> challenges = DigestTestClient.Challenges(response);
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c =>
        {
            Assert.Equal("lab", c.Realm);
            Assert.Equal(DigestQop.Auth | DigestQop.AuthInt, c.QopOptions);
            Assert.True(c.UserHash);
        });
    }

    [Fact]
    public async Task Serve_Cancelled_StopsGracefullyAndExitsZero()
    {
        await using ServeRun run = await ServeRun.StartAsync("--user", "alice:pw");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = DigestTestClient.Timeout };
        using HttpResponseMessage response = await http.GetAsync(new Uri(run.BaseAddress, "/open/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        int exit = await run.StopAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Stopped: 1 requests", run.Output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortAlreadyTaken_OneLineErrorAndExitsOne()
    {
        await using ServeRun first = await ServeRun.StartAsync();

        (int exit, _, string error) = await HostCommandLineTests.RunAsync("serve", "--port", first.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("cannot listen on 127.0.0.1:", error, StringComparison.Ordinal);
    }
}
