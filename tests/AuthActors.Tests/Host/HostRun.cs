using AuthActors.Host.Commands;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Tests.Host;

/// <summary>
/// Runs the real command line in-process with a captured console: no logging, an empty
/// environment unless given (so machine variables never change a test), and stdin from a string.
/// </summary>
internal static class HostRun
{
    public static HostConsole Console(CapturingWriter output, CapturingWriter error, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Out = output,
        Error = error,
        In = new StringReader(stdin ?? ""),
        GetEnvironment = () => environment ?? new Dictionary<string, string>(),
        CreateLoggerFactory = _ => NullLoggerFactory.Instance,
    };

    public static async Task<HostResult> RunAsync(
        string[] args,
        WorkloadSettings? workload = null,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        int exit = await HostCommandLine.InvokeAsync(args, Console(output, error, stdin, environment), workload: workload)
            .WaitAsync(DigestTestClient.Timeout);
        return new HostResult(exit, output.Text, error.Text);
    }
}

internal sealed record HostResult(int Exit, string Output, string Error)
{
    /// <summary>For assertion messages: what the command printed.</summary>
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
