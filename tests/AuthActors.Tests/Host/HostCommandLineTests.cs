using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>The command tree: help and usage errors (the default run is in <see cref="DemoCommandTests"/>).</summary>
public sealed class HostCommandLineTests
{
    [Fact]
    public async Task UnknownCommand_OneLineErrorAndExitsTwo()
    {
        (int exit, _, string error) = await RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndExitsZero()
    {
        (int exit, string output, _) = await RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.All(["demo", "fetch", "crawl", "serve", "bench", "config"], name => Assert.Contains(name, output, StringComparison.Ordinal));
    }

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        int exit = await HostCommandLine.InvokeAsync(args, HostRun.Console(output, error)).WaitAsync(DigestTestClient.Timeout);
        return (exit, output.Text, error.Text);
    }
}
