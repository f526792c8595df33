using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>Every invalid setting, on every command that reads settings: one line on stderr
/// naming the key and the rule, exit 2, never a stack trace.</summary>
public sealed class BadSettingTests
{
    [Theory]
    [InlineData("fetch", "handler.max-redirects=1000", "authactors:handler:max-redirects")]
    [InlineData("fetch", "credentials.sources=bogus", "authactors:credentials:sources")]
    [InlineData("fetch", "spaces.max-nonce-pool=0", "authactors:spaces:max-nonce-pool")]
    [InlineData("crawl", "ask-timeout=soon", "authactors:ask-timeout")]
    [InlineData("crawl", "bearer.token-endpoint=http://auth.example/token", "authactors:bearer:token-endpoint")]
    [InlineData("crawl", "supervision.max-restarts=-1", "authactors:supervision:max-restarts")]
    [InlineData("fetch", "handler.buffer-limit=lots", "authactors:handler:buffer-limit")]
    public async Task BadSetting_OneLineNamingTheKey_ExitsTwo(string command, string setting, string key)
    {
        using var temp = new TempDirectory();
        string[] target = command switch
        {
            "fetch" => ["http://127.0.0.1:1/x"],
            "crawl" => [temp.Write("urls.txt", "http://127.0.0.1:1/x\n")],
            _ => ["--requests", "1"],
        };

        HostResult result = await HostRun.RunAsync([command, "--set", setting, .. target]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        string line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }
}
