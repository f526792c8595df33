using System.Text.Json;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors config</c>: the layers and the masking.</summary>
public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Config_NoLayers_PrintsTheReferenceAsJson()
    {
        HostResult result = await HostRun.RunAsync(["config"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement.GetProperty("authactors");
        Assert.Equal("5s", root.GetProperty("ask-timeout").GetString());
        Assert.Equal("auto", root.GetProperty("spaces").GetProperty("lease-mode").GetString());
        Assert.Equal("memory, url-userinfo, configuration, environment, netrc", root.GetProperty("credentials").GetProperty("sources").GetString());
    }

    [Fact]
    public async Task Config_EntryPassword_IsMasked()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", """
            authactors.credentials.entries = [ { origin = "https://api.example.com", username = u, password = "Hunter2-Secret" } ]
            """);

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement entry = document.RootElement.GetProperty("authactors").GetProperty("credentials").GetProperty("entries")[0];
        Assert.Equal("****", entry.GetProperty("password").GetString());
        Assert.Equal("u", entry.GetProperty("username").GetString());
        Assert.DoesNotContain("Hunter2-Secret", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.api-token=tok-123", "tok-123")]
    [InlineData("x.client-secret=sec-456", "sec-456")]
    [InlineData("x.proxy=http://me:pw-789@proxy:3128/", "pw-789")]
    public async Task Config_SecretLikeValues_AreMasked(string setting, string secret)
    {
        HostResult result = await HostRun.RunAsync(["config", "--set", setting]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("****", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_EnvironmentOverridesTheFile()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", "authactors { ask-timeout = 7s, spaces.lease-mode = shared }");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf], environment: new Dictionary<string, string> { ["AUTHACTORS__ASK_TIMEOUT"] = "8s" });

        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement.GetProperty("authactors");
        Assert.Equal("8s", root.GetProperty("ask-timeout").GetString());
        Assert.Equal("shared", root.GetProperty("spaces").GetProperty("lease-mode").GetString());
    }

    [Fact]
    public async Task Config_SetOverridesTheEnvironment()
    {
        HostResult result = await HostRun.RunAsync(
            ["config", "--set", "ask-timeout=9s"],
            environment: new Dictionary<string, string> { ["AUTHACTORS__ASK_TIMEOUT"] = "8s" });

        using JsonDocument document = JsonDocument.Parse(result.Output);
        Assert.Equal("9s", document.RootElement.GetProperty("authactors").GetProperty("ask-timeout").GetString());
    }

    [Fact]
    public async Task Config_Origins_NamesTheLayerOfEachSetting()
    {
        HostResult result = await HostRun.RunAsync(
            ["config", "--origins", "--set", "spaces.max-nonce-pool=8"],
            environment: new Dictionary<string, string> { ["AUTHACTORS__ASK_TIMEOUT"] = "8s" });

        Assert.Contains("authactors:ask-timeout = 8s    # environment", result.Output, StringComparison.Ordinal);
        Assert.Contains("authactors:spaces:max-nonce-pool = 8    # command line", result.Output, StringComparison.Ordinal);
        Assert.Contains("authactors:supervision:within = 1m    # reference.conf", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_MissingFile_ExitsTwoNamingIt()
    {
        HostResult result = await HostRun.RunAsync(["config", "--config", "no-such-file.conf"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("no-such-file.conf", Assert.Single(result.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_BadValue_ExitsTwoNamingTheKey()
    {
        HostResult result = await HostRun.RunAsync(["config", "--set", "ask-timeout=soon"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("authactors:ask-timeout", result.Error, StringComparison.Ordinal);
    }
}
