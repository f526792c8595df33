using Microsoft.Extensions.Logging;
using Spectre.Console;

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

    /// <summary>
    /// A Spectre.Console writer over <see cref="Out"/> for tables and progress: colours and live
    /// rendering on a terminal, plain text (no escape codes, not interactive) otherwise.
    /// </summary>
    public IAnsiConsole CreateAnsiConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

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
