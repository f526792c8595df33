using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary>curl as a reference client for the embedded server and for <c>authactors serve</c>.</summary>
public sealed class CurlInteropTests
{
    private const string NoCurl = "curl is not on PATH; install curl to run the curl interop tests";

    [SkippableFact]
    public async Task Curl_DigestMd5AgainstServe_Returns200AndBody()
    {
        Skip.If(Curl.Version is null, NoCurl);
        await using ServeRun run = await ServeRun.StartAsync("--algorithm", "MD5");

        (int exit, string output, string error) = await Curl.RunAsync(
            "--silent", "--show-error", "--digest", "-u", "user:passwd", "--write-out", "\n%{http_code}", new Uri(run.BaseAddress, "/files/a.txt?v=1").ToString());

        Assert.True(exit == 0, error);
        Assert.Equal("ok.............\n\n200", output);
    }

    [SkippableFact]
    public async Task Curl_DigestSha256_Returns200()
    {
        Skip.If(Curl.Version is null, NoCurl);
        Skip.IfNot(Curl.SupportsSha256, $"curl {Curl.Version} predates SHA-256 Digest (7.57)");
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [DigestAlgorithm.Sha256] });

        (int exit, string output, string error) = await Curl.RunAsync(
            "--silent", "--show-error", "--digest", "-u", "user:passwd", "--write-out", "%{http_code}", "--output", "/dev/null", new Uri(server.BaseAddress, "/x").ToString());

        Assert.True(exit == 0, error);
        Assert.Equal("200", output);
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [SkippableFact]
    public async Task Curl_WrongPassword_Gets401()
    {
        Skip.If(Curl.Version is null, NoCurl);
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [DigestAlgorithm.Md5] });

        (int exit, string output, _) = await Curl.RunAsync(
            "--silent", "--digest", "-u", "user:wrong", "--write-out", "%{http_code}", "--output", "/dev/null", new Uri(server.BaseAddress, "/x").ToString());

        Assert.Equal(0, exit);
        Assert.Equal("401", output);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [SkippableFact]
    public async Task Curl_ProxyDigest_Returns200()
    {
        Skip.If(Curl.Version is null, NoCurl);
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [DigestAlgorithm.Md5], Proxy = true });

        (int exit, string output, string error) = await Curl.RunAsync(
            "--silent", "--show-error", "--proxy", server.BaseAddress.ToString(), "--proxy-digest", "--proxy-user", "user:passwd",
            "--write-out", "%{http_code}", "--output", "/dev/null", "http://origin.test/page");

        Assert.True(exit == 0, error);
        Assert.Equal("200", output);
        Assert.Equal(1, server.Stats.Succeeded);
    }
}
