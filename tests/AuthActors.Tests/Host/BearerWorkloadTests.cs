using System.Text.Json;
using System.Text.RegularExpressions;
using AuthActors.Host.Commands;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Host;

/// <summary><c>serve</c>, <c>demo</c> and <c>bench</c> with the Bearer side of the embedded server.</summary>
public sealed class BearerWorkloadTests
{
    [Fact]
    public async Task Serve_Banner_NamesTheTokenEndpointBearerRealmAndClientIdsButNoSecret()
    {
        await using ServeRun serve = await ServeRun.StartAsync("--client", "alpha:S3cret-A", "--client", "beta:S3cret-B", "--token-lifetime", "45s");

        string banner = serve.Output.Text;
        Assert.Contains($"Bearer         realm api on /bearer/, tokens from {serve.BaseAddress}oauth/token", banner, StringComparison.Ordinal);
        Assert.Contains("tokens good for 45s", banner, StringComparison.Ordinal);
        Assert.Contains("clients        alpha, beta", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_TokenLifetime_IsTheExpiresInOfItsTokens()
    {
        await using ServeRun serve = await ServeRun.StartAsync("--token-lifetime", "2m");
        using HttpClient http = BearerTestClient.Create(serve.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, BearerTestClient.Basic("client", "secret"));

        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal(120, json.RootElement.GetProperty("expires_in").GetInt32());
    }

    [Theory]
    [InlineData("--client", "S3cret-only")]
    [InlineData("--client", "id:")]
    [InlineData("--token-lifetime", "500ms")]
    public async Task Serve_BadBearerOption_ExitsTwoNamingItWithoutTheValue(string option, string value)
    {
        HostResult result = await HostRun.RunAsync(["serve", "--port", "0", option, value]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SchemeBearer_ExitsZeroWithOneTokenRequest()
    {
        // Tokens outlive the run: the whole workload shares the first token, whatever the CI speed.
        HostResult result = await HostRun.RunAsync(["demo", "--scheme", "bearer", "--requests", "300", "--concurrency", "16", "--token-lifetime", "5m"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("AuthActors demo: 300 requests, 16 concurrent, Bearer realm api on /bearer/", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"succeeded\s+300\b", result.Output);
        Assert.Matches(@"failed\s+0\b", result.Output);
        Assert.Matches(@"token requests\s+1\b", result.Output);
        Assert.DoesNotContain("stale refreshes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SchemeBearerJson_AddsTokenFiguresToTheDigestFields()
    {
        using var temp = new TempDirectory();
        string json = temp.File("demo.json");

        HostResult result = await HostRun.RunAsync(["demo", "--scheme", "bearer", "--requests", "200", "--concurrency", "8", "--token-lifetime", "5m", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement root = document.RootElement;
        string[] fields = ["requests", "succeeded", "failed", "server_401s", "stale_refreshes", "nc_replays", "token_requests", "invalid_tokens", "round_trips_per_request", "requests_per_second", "p50_ms", "p99_ms"];
        Assert.Equal(fields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(200, root.GetProperty("succeeded").GetInt64());
        Assert.Equal(1, root.GetProperty("token_requests").GetInt64());
        Assert.Equal(0, root.GetProperty("invalid_tokens").GetInt64());
        // The first requests in flight met the challenge, then all shared one token request.
        Assert.InRange(root.GetProperty("server_401s").GetInt64(), 1, 8);
    }

    [Fact]
    public async Task Demo_SchemeBearer_LogsNoTokenOrSecret()
    {
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(["demo", "--scheme", "bearer", "--requests", "100", "--concurrency", "4", "--token-lifetime", "5m"], logs);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.NotEmpty(logs.Messages);
        string everything = BearerHostRun.Everything(result, logs);
        Assert.False(BearerHostRun.ShowsABearerToken(everything), everything);
        // The random secret is 32 hex digits; nothing of that shape is printed or logged.
        Assert.DoesNotMatch(new Regex("\\b[0-9a-f]{32}\\b"), everything);
    }

    [Fact]
    public async Task Bench_SchemeBearerJson_WritesNoneAndAuthActorsWithTheSameFields()
    {
        using var temp = new TempDirectory();
        string json = temp.File("bench.json");

        HostResult result = await HostRun.RunAsync(["bench", "--scheme", "bearer", "--rounds", "1", "--requests", "200", "--concurrency", "8", "--token-lifetime", "5m", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("the builtin client has no Bearer support; --scheme bearer runs none and authactors only", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"authactors: 0 token requests and 0 invalid tokens refused during the measured run", result.Output);
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement[] results = [.. document.RootElement.GetProperty("results").EnumerateArray()];
        Assert.Equal(["none", "authactors"], results.Select(r => r.GetProperty("client").GetString()));
        string[] fields = ["client", "requests", "failed", "requests_per_second", "requests_per_second_min", "requests_per_second_max", "round_trips_per_request", "cpu_us_per_request", "allocated_bytes_per_request", "ratio_to_none", "cpu_ratio_to_none"];
        Assert.All(results, r =>
        {
            Assert.Equal(fields.Order(), r.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(200, r.GetProperty("requests").GetInt64());
            Assert.Equal(0, r.GetProperty("failed").GetInt64());
        });
        // The warm-up got the token: every measured request went out with it, once.
        Assert.Equal(1.0, results[1].GetProperty("round_trips_per_request").GetDouble());
    }

    [Fact]
    public async Task Demo_UnknownScheme_ExitsTwoNamingTheOption()
    {
        HostResult result = await HostRun.RunAsync(["demo", "--scheme", "ntlm"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("--scheme", result.Error, StringComparison.Ordinal);
    }
}
