using System.Text;
using AuthActors.Host.Commands;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors fetch</c> with Bearer tokens, end to end against an in-process <c>authactors serve</c>.</summary>
public sealed class FetchBearerTests
{
    private const string Body = "ok.............\n";
    private const string ClientId = "cli";
    private const string Secret = "S3cret-Value-42";

    [Fact]
    public async Task Fetch_ClientCredentials_GetsOneTokenAndPrintsTheBody()
    {
        var serverLogs = new CollectingLoggerFactory();
        await using ServeRun serve = await ServeRun.StartAsync(serverLogs, "--client", $"{ClientId}:{Secret}");
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(
            ["fetch", new Uri(serve.BaseAddress, "/bearer/x").ToString(), "--client-id", ClientId, "--client-secret", Secret, "--token-url", new Uri(serve.BaseAddress, "/oauth/token").ToString()],
            logs);
        IReadOnlyDictionary<string, long> counts = await BearerHostRun.StopAndCountAsync(serve);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(Body, result.Output);
        Assert.Equal(1, counts["token requests"]);
        Assert.Equal(1, counts["Bearer ok"]);
        string everything = BearerHostRun.Everything(result, logs) + serve.Output.Text + serve.Error.Text + string.Join("\n", serverLogs.Messages);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.False(BearerHostRun.ShowsABearerToken(everything), everything);
    }

    [Fact]
    public async Task Fetch_StaticBearerToken_IsSentAndNeverShown()
    {
        await using ServeRun serve = await ServeRun.StartAsync();
        using HttpClient http = BearerTestClient.Create(serve.BaseAddress);
        string token = await BearerTestClient.GetTokenAsync(http);
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(["fetch", new Uri(serve.BaseAddress, "/bearer/x").ToString(), "--bearer", token, "-v"], logs);
        IReadOnlyDictionary<string, long> counts = await BearerHostRun.StopAndCountAsync(serve);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(Body, result.Output);
        Assert.Contains("> Authorization: Bearer ****", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, counts["Bearer ok"]);
        Assert.DoesNotContain(token, BearerHostRun.Everything(result, logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_StaticTokenTheServerRefuses_ExitsOneWithTheReasonButNotTheToken()
    {
        await using ServeRun serve = await ServeRun.StartAsync();
        const string token = "NotIssuedByThisServer-0123456789abcdefghijk";
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(["fetch", new Uri(serve.BaseAddress, "/bearer/x").ToString(), "--bearer", token], logs);

        Assert.Equal(ExitCodes.HttpError, result.Exit);
        string line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("fetch: HTTP 401 Unauthorized", line, StringComparison.Ordinal);
        Assert.Contains("invalid_token", line, StringComparison.Ordinal);
        Assert.DoesNotContain(token, BearerHostRun.Everything(result, logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_WrongClientSecret_ExitsOneNamingInvalidClientButNotTheSecret()
    {
        await using ServeRun serve = await ServeRun.StartAsync("--client", $"{ClientId}:{Secret}");
        var logs = new CollectingLoggerFactory();
        const string wrong = "Wr0ng-Secret-99";

        HostResult result = await BearerHostRun.RunAsync(
            ["fetch", new Uri(serve.BaseAddress, "/bearer/x").ToString(), "--client-id", ClientId, "--client-secret", wrong, "--token-url", new Uri(serve.BaseAddress, "/oauth/token").ToString()],
            logs);

        Assert.Equal(ExitCodes.HttpError, result.Exit);
        string line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("fetch: HTTP 401 Unauthorized", line, StringComparison.Ordinal);
        Assert.Contains("invalid_client", line, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, BearerHostRun.Everything(result, logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_VerboseClientCredentials_ShowsTheTokenRequestWithEveryCredentialMasked()
    {
        await using ServeRun serve = await ServeRun.StartAsync("--client", $"{ClientId}:{Secret}");
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(
            ["fetch", new Uri(serve.BaseAddress, "/bearer/x").ToString(), "--client-id", ClientId, "--client-secret", Secret, "--token-url", new Uri(serve.BaseAddress, "/oauth/token").ToString(), "--verbose"],
            logs);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("< WWW-Authenticate: Bearer realm=\"api\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("> POST /oauth/token HTTP/1.1", result.Error, StringComparison.Ordinal);
        Assert.Contains("> Authorization: Basic ****", result.Error, StringComparison.Ordinal);
        Assert.Contains("> Authorization: Bearer ****", result.Error, StringComparison.Ordinal);
        string everything = BearerHostRun.Everything(result, logs);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}")), everything, StringComparison.Ordinal);
        Assert.False(BearerHostRun.ShowsABearerToken(everything), everything);
    }

    [Theory]
    [InlineData("--client-id", "c", "--token-url", "http://127.0.0.1:9/t", "needs a non-empty --client-secret")]
    [InlineData("--client-id", "c", "--client-secret", "S3cret-Value-42", "--client-id needs --token-url")]
    [InlineData("--client-secret", "S3cret-Value-42", "--token-url", "http://127.0.0.1:9/t", "need --client-id")]
    [InlineData("--bearer", "S3cret-Value-42", "--client-id", "c", "use one or the other")]
    [InlineData("--bearer", "S3cret-Value-42 x", "b64token")]
    [InlineData("--client-id", "c", "--client-secret", "S3cret-Value-42", "--token-url", "http://auth.example/token", "--token-url")]
    [InlineData("--client-id", "c", "--client-secret", "S3cret-Value-42", "--token-url", "https://S3cret-Value-42@auth.example/token", "user-info")]
    [InlineData("--client-id", "c", "--client-secret", "S3cret-Value-42", "--token-url", "http://127.0.0.1:9/t", "--scope", "a\"b", "--scope")]
    public async Task Fetch_BearerOptionsThatDoNotFit_ExitTwoNamingThemWithoutTheSecret(params string[] argsAndMessage)
    {
        string[] options = argsAndMessage[..^1];

        HostResult result = await HostRun.RunAsync(["fetch", "http://127.0.0.1:9/bearer/x", .. options]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains(argsAndMessage[^1], result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_ClientCredentials_OneTokenServesEveryUrl()
    {
        await using ServeRun serve = await ServeRun.StartAsync("--client", $"{ClientId}:{Secret}");
        string urls = string.Join("\n", Enumerable.Range(0, 40).Select(i => new Uri(serve.BaseAddress, $"/bearer/item/{i}").ToString()));
        var logs = new CollectingLoggerFactory();

        HostResult result = await BearerHostRun.RunAsync(
            ["crawl", "-", "--concurrency", "8", "--client-id", ClientId, "--client-secret", Secret, "--token-url", new Uri(serve.BaseAddress, "/oauth/token").ToString()],
            logs,
            stdin: urls);
        IReadOnlyDictionary<string, long> counts = await BearerHostRun.StopAndCountAsync(serve);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Matches(@"succeeded \(2xx\)\s+40\b", result.Output);
        Assert.Equal(1, counts["token requests"]);
        Assert.Equal(40, counts["Bearer ok"]);
        Assert.DoesNotContain(Secret, BearerHostRun.Everything(result, logs), StringComparison.Ordinal);
    }
}
