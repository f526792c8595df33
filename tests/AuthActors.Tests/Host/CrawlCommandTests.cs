using System.Text.Json;
using AuthActors.Host.Commands;
using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors crawl</c> against an in-process <see cref="DigestServer"/> (user <c>user</c>, password <c>passwd</c>).</summary>
public sealed class CrawlCommandTests
{
    private static readonly string[] s_fields = ["url", "status", "bytes", "elapsed_ms", "attempts", "error"];

    [Fact]
    public async Task Crawl_FileWithBadLinesAndComments_SkipsThemAndWritesOneRecordPerGoodUrl()
    {
        using var temp = new TempDirectory();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Realms = 2 });
        string[] good = [Url(server, "/space/0/a"), Url(server, "/space/1/b"), Url(server, "/open/c")];
        string list = temp.Write("urls.txt", string.Join('\n', "# a comment", good[0], "", "this is not a url", good[1], "  # indented comment", good[2], ""));
        string jsonl = temp.File("out.jsonl");

        HostResult result = await HostRun.RunAsync(["crawl", list, "-u", "user:passwd", "--out", jsonl, "--concurrency", "2"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        string problem = Assert.Single(result.Error.Split('\n'), l => l.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains("line 4", problem, StringComparison.Ordinal);
        Assert.Contains("this is not a url", problem, StringComparison.Ordinal);
        JsonElement[] records = await ReadRecordsAsync(jsonl);
        Assert.Equal(good.Order(), records.Select(r => r.GetProperty("url").GetString()).Order());
        Assert.All(records, r =>
        {
            Assert.Equal(s_fields, r.EnumerateObject().Select(p => p.Name));
            Assert.Equal(200, r.GetProperty("status").GetInt32());
            Assert.Equal(16, r.GetProperty("bytes").GetInt64());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
            Assert.True(r.GetProperty("elapsed_ms").GetDouble() > 0);
        });
        Assert.Matches(@"malformed lines skipped\s+1\b", result.Output);
    }

    [Fact]
    public async Task Crawl_OneDigestUrl_CountsTheChallengeAndTheAnswerAsTwoAttempts()
    {
        using var temp = new TempDirectory();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string jsonl = temp.File("out.jsonl");

        HostResult result = await HostRun.RunAsync(["crawl", "-", "-u", "user:passwd", "--out", jsonl], stdin: Url(server, "/x") + "\n");

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        JsonElement record = Assert.Single(await ReadRecordsAsync(jsonl));
        Assert.Equal(2, record.GetProperty("attempts").GetInt32());
        Assert.Equal(2, server.Stats.Requests);
    }

    [Fact]
    public async Task Crawl_StandardInput_ReadsTheUrls()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["crawl", "-"], stdin: $"{Url(server, "/open/1")}\n{Url(server, "/open/2")}\n");

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Matches(@"succeeded \(2xx\)\s+2\b", result.Output);
        Assert.Equal(2, server.Stats.OpenRequests);
    }

    [Fact]
    public async Task Crawl_WrongPassword_ExitsOneAndRecordsTheError()
    {
        using var temp = new TempDirectory();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string jsonl = temp.File("out.jsonl");

        HostResult result = await HostRun.RunAsync(["crawl", "-", "-u", "user:not-it", "--out", jsonl], stdin: Url(server, "/x") + "\n");

        Assert.Equal(ExitCodes.Failed, result.Exit);
        JsonElement record = Assert.Single(await ReadRecordsAsync(jsonl));
        Assert.Equal(401, record.GetProperty("status").GetInt32());
        Assert.StartsWith("HTTP 401", record.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-it", await File.ReadAllTextAsync(jsonl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_ConfigFile_CredentialsFromTheHoconFileAreUsed()
    {
        using var temp = new TempDirectory();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        string conf = temp.Write("crawl.conf", $$"""
            authactors.credentials.entries = [
              { origin = "{{origin}}", username = user, password = passwd }
            ]
            """);

        HostResult result = await HostRun.RunAsync(["crawl", "-", "--config", conf], stdin: Url(server, "/x") + "\n");

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task Crawl_UserInfoInUrl_IsUsedButNeverWritten()
    {
        using var temp = new TempDirectory();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string jsonl = temp.File("out.jsonl");
        string url = $"http://user:passwd@127.0.0.1:{server.BaseAddress.Port}/x";

        HostResult result = await HostRun.RunAsync(["crawl", "-", "--out", jsonl], stdin: url + "\n");

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        JsonElement record = Assert.Single(await ReadRecordsAsync(jsonl));
        Assert.Equal(Url(server, "/x"), record.GetProperty("url").GetString());
        Assert.DoesNotContain("passwd", await File.ReadAllTextAsync(jsonl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_MissingFile_ExitsTwo()
    {
        using var temp = new TempDirectory();

        HostResult result = await HostRun.RunAsync(["crawl", temp.File("none.txt")]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.StartsWith("crawl: cannot read", result.Error, StringComparison.Ordinal);
    }

    private static string Url(DigestServer server, string path) => new Uri(server.BaseAddress, path).ToString();

    private static async Task<JsonElement[]> ReadRecordsAsync(string path)
    {
        string[] lines = [.. (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0)];
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
