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
    public async Task Config_Akka_PrintsTheAkkaSectionOfTheFile_NumbersAndBooleansTyped()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", """
            authactors.ask-timeout = 7s
            akka {
              loglevel = DEBUG
              loggers = ["A, B", C]
              remote.dot-netty.tcp { port = 8081, enforce-ip-family = false }
            }
            """);

        HostResult result = await HostRun.RunAsync(["config", "--akka", "--config", conf]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        Assert.Equal("7s", document.RootElement.GetProperty("authactors").GetProperty("ask-timeout").GetString());
        JsonElement akka = document.RootElement.GetProperty("akka");
        Assert.Equal("DEBUG", akka.GetProperty("loglevel").GetString());
        Assert.Equal(["A, B", "C"], akka.GetProperty("loggers").EnumerateArray().Select(e => e.GetString()));
        JsonElement tcp = akka.GetProperty("remote").GetProperty("dot-netty").GetProperty("tcp");
        Assert.Equal(8081, tcp.GetProperty("port").GetInt32());
        Assert.False(tcp.GetProperty("enforce-ip-family").GetBoolean());
    }

    [Fact]
    public async Task Config_WithoutAkkaFlag_LeavesTheAkkaSectionOut()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", "akka.loglevel = DEBUG");

        HostResult result = await HostRun.RunAsync(["config", "--config", conf]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        Assert.False(document.RootElement.TryGetProperty("akka", out _));
    }

    [Fact]
    public async Task Config_AkkaWithNoAkkaSettings_PrintsAnEmptyObject()
    {
        HostResult result = await HostRun.RunAsync(["config", "--akka"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement akka = document.RootElement.GetProperty("akka");
        Assert.Equal(JsonValueKind.Object, akka.ValueKind);
        Assert.Empty(akka.EnumerateObject());
    }

    [Fact]
    public async Task Config_AkkaSecrets_AreMasked()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", """
            akka.remote.dot-netty.tcp.ssl.certificate { path = cert.pfx, password = "Hunter2-Secret" }
            akka.persistence.journal.sql.connection-string = "postgres://app:pw-789@db:5432/x"
            """);

        HostResult result = await HostRun.RunAsync(["config", "--akka", "--config", conf]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement akka = document.RootElement.GetProperty("akka");
        Assert.Equal("****", akka.GetProperty("remote").GetProperty("dot-netty").GetProperty("tcp").GetProperty("ssl").GetProperty("certificate").GetProperty("password").GetString());
        Assert.Equal("postgres://app:****@db:5432/x", akka.GetProperty("persistence").GetProperty("journal").GetProperty("sql").GetProperty("connection-string").GetString());
        Assert.DoesNotContain("Hunter2-Secret", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-789", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_SetAkkaPath_OverridesTheFile()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", "akka { loglevel = DEBUG, stdout-loglevel = INFO }");

        HostResult result = await HostRun.RunAsync(["config", "--akka", "--config", conf, "--set", "akka.loglevel=WARNING"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement akka = document.RootElement.GetProperty("akka");
        Assert.Equal("WARNING", akka.GetProperty("loglevel").GetString());
        Assert.Equal("INFO", akka.GetProperty("stdout-loglevel").GetString());
        Assert.False(document.RootElement.GetProperty("authactors").TryGetProperty("akka", out _));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Config_AkkaOrigins_NamesTheLayerOfEachAkkaSetting()
    {
        using var temp = new TempDirectory();
        string conf = temp.Write("a.conf", "akka { loglevel = DEBUG, stdout-loglevel = INFO }");

        HostResult result = await HostRun.RunAsync(["config", "--akka", "--origins", "--config", conf, "--set", "akka.loglevel=WARNING"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("akka:loglevel = WARNING    # command line", result.Output, StringComparison.Ordinal);
        Assert.Contains($"akka:stdout-loglevel = INFO    # {conf}", result.Output, StringComparison.Ordinal);
        Assert.Contains("authactors:ask-timeout = 5s    # reference.conf", result.Output, StringComparison.Ordinal);
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
