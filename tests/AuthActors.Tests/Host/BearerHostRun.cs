using System.Globalization;
using System.Text.RegularExpressions;
using AuthActors.Host.Commands;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Host;

/// <summary>
/// Helpers for the Bearer host tests: run a command with every log message kept (to assert that no
/// secret was logged), read counts from <c>serve</c>'s last line, and check text for secrets.
/// </summary>
internal static partial class BearerHostRun
{
    /// <summary>Runs the command line in-process like <see cref="HostRun"/>, but logging everything to <paramref name="logs"/>.</summary>
    public static async Task<HostResult> RunAsync(string[] args, CollectingLoggerFactory logs, string? stdin = null, WorkloadSettings? workload = null)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        var console = new HostConsole
        {
            Out = output,
            Error = error,
            In = new StringReader(stdin ?? ""),
            GetEnvironment = () => new Dictionary<string, string>(),
            CreateLoggerFactory = _ => logs,
        };
        int exit = await HostCommandLine.InvokeAsync(args, console, workload: workload).WaitAsync(DigestTestClient.Timeout);
        return new HostResult(exit, output.Text, error.Text);
    }

    /// <summary>Stops <c>serve</c> and reads a count from its "Stopped: ..." line, e.g. "token requests".</summary>
    public static async Task<IReadOnlyDictionary<string, long>> StopAndCountAsync(ServeRun serve)
    {
        Assert.Equal(ExitCodes.Ok, await serve.StopAsync());
        string line = serve.Output.Text.Split('\n').Single(l => l.StartsWith("Stopped: ", StringComparison.Ordinal));
        return StoppedCount().Matches(line).ToDictionary(m => m.Groups[2].Value, m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Everything a run printed or logged, to search for secrets.</summary>
    public static string Everything(HostResult result, CollectingLoggerFactory logs) =>
        result.Output + "\n" + result.Error + "\n" + string.Join("\n", logs.Messages);

    /// <summary>Whether <paramref name="text"/> shows a Bearer credential in clear (anything but the mask after "Bearer ").</summary>
    public static bool ShowsABearerToken(string text) => ClearBearer().IsMatch(text);

    [GeneratedRegex(@"(\d+) ([a-zA-Z][a-zA-Z ]*?)(?=[,.(]| \()")]
    private static partial Regex StoppedCount();

    [GeneratedRegex(@"Bearer (?!\*\*\*\*|realm=)[A-Za-z0-9\-._~+/]{8,}")]
    private static partial Regex ClearBearer();
}
