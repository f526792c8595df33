using AuthActors.Host.Commands;
using AuthActors.Host.Server;
using AuthActors.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Tests.Host;

/// <summary>What curl users type: -I, -s, -f, -L, --out beside -o, a prompt for -u NAME, and exit
/// codes that tell an HTTP error from no connection.</summary>
public sealed class FetchCurlFlagsTests
{
    [Fact]
    public async Task Head_PrintsTheHeadAndNoBody()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());

        HostResult result = await HostRun.RunAsync(["fetch", "-I", "-u", "user:passwd", new Uri(server.BaseAddress, "/x").ToString()]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("HTTP/1.1 200", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok....", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailAndSilent_OnAnHttpError_PrintNothing_AndExit22()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("not found page");
        });

        HostResult result = await HostRun.RunAsync(["fetch", "-f", "-s", new Uri(server.BaseAddress, "/gone").ToString()]);

        Assert.Equal(ExitCodes.HttpError, result.Exit);
        Assert.Equal("", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task LocationAndOut_AreAccepted()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(context => context.Response.WriteAsync("body"));
        using var temp = new TempDirectory();
        string file = Path.Combine(temp.Path, "b.txt");

        HostResult result = await HostRun.RunAsync(["fetch", "-L", "--out", file, new Uri(server.BaseAddress, "/b").ToString()]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Equal("body", File.ReadAllText(file));
    }

    [Fact]
    public async Task UserWithoutPassword_IsAskedForIt_WhenSomeoneCanBeAsked()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        string? prompt = null;
        HostConsole console = HostRun.Console(new CapturingWriter(), new CapturingWriter());
        console = new HostConsole
        {
            Out = console.Out,
            Error = console.Error,
            GetEnvironment = console.GetEnvironment,
            CreateLoggerFactory = console.CreateLoggerFactory,
            ReadSecret = p => { prompt = p; return "passwd"; },
        };

        int exit = await HostCommandLine.InvokeAsync(["fetch", "-u", "user", new Uri(server.BaseAddress, "/x").ToString()], console).WaitAsync(DigestTestClient.Timeout);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("Enter password for user 'user': ", prompt);
    }

    [Fact]
    public async Task UserWithoutPassword_NoTerminal_IsAUsageErrorSayingSo()
    {
        HostResult result = await HostRun.RunAsync(["fetch", "-u", "alice", "http://127.0.0.1:1/x"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("a terminal to be asked", result.Error, StringComparison.Ordinal);
    }
}
