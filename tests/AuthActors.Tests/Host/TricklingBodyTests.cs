using AuthActors.Host.Commands;
using AuthActors.Tests.Http;

namespace AuthActors.Tests.Host;

/// <summary><c>--timeout</c> bounds the whole exchange, body included: a server that trickles its
/// body a byte at a time cannot hold <c>fetch</c> or a crawl.</summary>
public sealed class TricklingBodyTests
{
    [Fact]
    public async Task Fetch_TricklingBody_TimesOutWithTheReason()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(Trickle);

        HostResult result = await HostRun.RunAsync(["fetch", "--timeout", "1s", new Uri(server.BaseAddress, "/slow").ToString()]);

        Assert.Equal(ExitCodes.TimedOut, result.Exit);
        Assert.Contains("timed out after 1s (--timeout", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_OneTricklingUrl_StillFinishes_ThatUrlFailedAsTimedOut()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(context =>
            context.Request.Path.StartsWithSegments("/slow", StringComparison.Ordinal) ? Trickle(context) : Task.CompletedTask);
        using var temp = new TempDirectory();
        string urls = temp.Write("urls.txt", $"{new Uri(server.BaseAddress, "/fast")}\n{new Uri(server.BaseAddress, "/slow")}\n");
        string records = Path.Combine(temp.Path, "out.jsonl");

        HostResult result = await HostRun.RunAsync(["crawl", urls, "--timeout", "1s", "--out", records]);

        Assert.Equal(ExitCodes.Failed, result.Exit);
        Assert.Contains(File.ReadLines(records), line => line.Contains("/slow", StringComparison.Ordinal) && line.Contains("timed out after 1s", StringComparison.Ordinal));
    }

    /// <summary>Headers at once, then a byte every 100 ms: bounded at 30 s (the test's own bound is far below).</summary>
    private static async Task Trickle(Microsoft.AspNetCore.Http.HttpContext context)
    {
        await context.Response.StartAsync(context.RequestAborted);
        for (int i = 0; i < 300 && !context.RequestAborted.IsCancellationRequested; i++)
        {
            await context.Response.Body.WriteAsync(new byte[] { (byte)'.' }, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100, context.RequestAborted);
        }
    }
}
