using System.CommandLine;
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

    [Fact]
    public async Task Help_NamesTheProgramAsUsersTypeIt()
    {
        (_, string output, _) = await RunAsync("fetch", "--help");

        Assert.Contains("authactors fetch <url> [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AuthActors.Host", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeHelp_ShowsDefaultsInTheFormTheOptionsTake()
    {
        (_, string output, _) = await RunAsync("serve", "--help");

        Assert.Contains("Default: SHA-256.", output, StringComparison.Ordinal);
        Assert.Contains("Default: 5m.", output, StringComparison.Ordinal);
        Assert.Contains("<none|replay|increasing>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("00:05:00", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sha256", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "fetch", "--netrc", "http://h/x" }, null)]
    [InlineData(new[] { "fetch", "--netrc", "http://h/x", "-v" }, null)]
    [InlineData(new[] { "fetch", "--netrc", "my.netrc", "http://h/x" }, "my.netrc")]
    [InlineData(new[] { "fetch", "http://h/x", "--netrc" }, null)]
    public void NetrcWithOptionalFile_UrlAfterItIsStillTheUrl(string[] args, string? file)
    {
        ParseResult result = HostCommandLine.Build(HostRun.Console(new CapturingWriter(), new CapturingWriter()))
            .Parse(HostCommandLine.NormalizeArguments(args));

        Assert.Empty(result.Errors);
        Assert.Equal("http://h/x", result.GetValue<string>("url"));
        Assert.NotNull(result.GetResult("--netrc"));
        Assert.Equal(file, result.GetValue<string?>("--netrc"));
    }

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        int exit = await HostCommandLine.InvokeAsync(args, HostRun.Console(output, error)).WaitAsync(DigestTestClient.Timeout);
        return (exit, output.Text, error.Text);
    }
}
