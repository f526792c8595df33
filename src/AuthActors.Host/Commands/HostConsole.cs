using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Commands;

/// <summary>
/// Where commands write and log. The process uses <see cref="CreateSystem"/>; tests pass their
/// own writers and a logger factory that logs nothing.
/// </summary>
internal sealed class HostConsole
{
    /// <summary>Normal output (addresses, tables, results).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors: one line each.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>
    /// Whether <see cref="Out"/> is a terminal. When false, commands print plain text (no
    /// colours, no live tables) so the output can be piped and parsed.
    /// </summary>
    public bool IsTerminal { get; init; }

    /// <summary>Makes the logger factory a command logs through (the caller disposes it).</summary>
    public required Func<LogLevel, ILoggerFactory> CreateLoggerFactory { get; init; }

    /// <summary>The process console: stdout, stderr, and single-line console logging with times.</summary>
    public static HostConsole CreateSystem() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsTerminal = !Console.IsOutputRedirected,
        CreateLoggerFactory = level => LoggerFactory.Create(logging => logging
            .SetMinimumLevel(level)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.ColorBehavior = Console.IsOutputRedirected
                    ? Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled
                    : Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Default;
            })),
    };
}
