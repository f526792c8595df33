using AuthActors.Host.Commands;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Tests.Host;

/// <summary>The command tree: default run, placeholders, and usage errors.</summary>
public sealed class HostCommandLineTests
{
    [Fact]
    public async Task NoArguments_SaysWhatDemoWillDoAndExitsZero()
    {
        (int exit, string output, string error) = await RunAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("demo", output, StringComparison.Ordinal);
        Assert.Contains("being built", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("fetch", "http://127.0.0.1:1/")]
    [InlineData("crawl", "-")]
    [InlineData("bench")]
    [InlineData("config")]
    public async Task CommandNotBuiltYet_SaysWhatItWillDoAndExitsThree(params string[] args)
    {
        (int exit, _, string error) = await RunAsync(args);

        Assert.Equal(ExitCodes.NotYetAvailable, exit);
        Assert.StartsWith("not yet available: ", error, StringComparison.Ordinal);
    }

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
        var console = new HostConsole { Out = output, Error = error, CreateLoggerFactory = _ => NullLoggerFactory.Instance };
        int exit = await HostCommandLine.InvokeAsync(args, console).WaitAsync(DigestTestClient.Timeout);
        return (exit, output.Text, error.Text);
    }
}
