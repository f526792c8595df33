using AuthActors.Host.Commands;
using AuthActors.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Tests.Host;

/// <summary><c>fetch</c> moves bodies as bytes, both ways: a binary body reaches stdout
/// unchanged, and <c>-d @-</c> sends stdin's bytes as they are.</summary>
public sealed class FetchBinaryTests
{
    private static readonly byte[] s_allBytes = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task BinaryBody_ReachesStdoutUnchanged()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(context => context.Response.Body.WriteAsync(s_allBytes).AsTask());
        using var stdout = new MemoryStream();
        var error = new CapturingWriter();
        HostConsole console = HostRun.Console(new CapturingWriter(), error);

        int exit = await HostCommandLine.InvokeAsync(["fetch", new Uri(server.BaseAddress, "/bin").ToString()], WithBytes(console, stdout, null))
            .WaitAsync(DigestTestClient.Timeout);

        Assert.True(exit == ExitCodes.Ok, error.Text);
        Assert.Equal(s_allBytes, stdout.ToArray());
    }

    [Fact]
    public async Task DataFromStdin_IsSentAsItsBytes()
    {
        byte[] sent = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
        byte[]? received = null;
        await using TestWebServer server = await TestWebServer.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received = body.ToArray();
        });
        var error = new CapturingWriter();

        int exit = await HostCommandLine.InvokeAsync(
                ["fetch", "-d", "@-", new Uri(server.BaseAddress, "/post").ToString()],
                WithBytes(HostRun.Console(new CapturingWriter(), error), new MemoryStream(), new MemoryStream(sent)))
            .WaitAsync(DigestTestClient.Timeout);

        Assert.True(exit == ExitCodes.Ok, error.Text);
        Assert.Equal(sent, received);
    }

    private static HostConsole WithBytes(HostConsole console, Stream stdout, Stream? stdin) => new()
    {
        Out = console.Out,
        Error = console.Error,
        In = console.In,
        GetEnvironment = console.GetEnvironment,
        CreateLoggerFactory = console.CreateLoggerFactory,
        OpenOutput = () => stdout,
        OpenInput = stdin is null ? null : () => stdin,
    };
}
