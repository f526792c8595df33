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

    /// <summary>Whether <see cref="Error"/> is a terminal (crawl draws its progress there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard input, for <c>crawl -</c>. The default value is an empty reader.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Asks the user for a secret on the terminal, without echo (the prompt on stderr);
    /// null when standard input is not a terminal.</summary>
    public Func<string, string?>? ReadSecret { get; init; }

    /// <summary>Standard output as bytes (a fetched body goes there unchanged), or null to write
    /// bodies as UTF-8 text to <see cref="Out"/> (tests that read text).</summary>
    public Func<Stream>? OpenOutput { get; init; }

    /// <summary>Standard input as bytes (<c>fetch --data @-</c>), or null to read <see cref="In"/>
    /// as UTF-8 text.</summary>
    public Func<Stream>? OpenInput { get; init; }

    /// <summary>
    /// Reads the process environment (for the <c>AUTHACTORS__</c> configuration layer). Tests
    /// inject their own. The default value reads <see cref="Environment.GetEnvironmentVariables()"/>.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>> GetEnvironment { get; init; } = ReadProcessEnvironment;

    /// <summary>Makes the logger factory a command logs through (the caller disposes it).</summary>
    public required Func<LogLevel, ILoggerFactory> CreateLoggerFactory { get; init; }

    /// <summary>
    /// A Spectre.Console writer over <see cref="Out"/> for tables and progress: colours and live
    /// rendering on a terminal, plain text (no escape codes, not interactive) otherwise.
    /// </summary>
    public IAnsiConsole CreateAnsiConsole() => CreateAnsiConsole(Out, IsTerminal);

    /// <summary>The same over <see cref="Error"/> (crawl's progress bar).</summary>
    public IAnsiConsole CreateErrorAnsiConsole() => CreateAnsiConsole(Error, ErrorIsTerminal);

    private static IAnsiConsole CreateAnsiConsole(TextWriter writer, bool isTerminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    private static string? ReadSecretFromTerminal(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary>
    /// The process console: stdout, stderr, stdin, and single-line console logging with times
    /// (Information on stdout, as <c>serve</c>'s request log; warnings and errors on stderr, so
    /// they never mix with a fetched body or a report).
    /// </summary>
    public static HostConsole CreateSystem() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        OpenOutput = Console.OpenStandardOutput,
        ReadSecret = Console.IsInputRedirected ? null : ReadSecretFromTerminal,
        OpenInput = Console.OpenStandardInput,
        IsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        CreateLoggerFactory = level => LoggerFactory.Create(logging => logging
            .SetMinimumLevel(level)
            // A netrc file others can read is worth a warning whatever the command's level (as ssh warns of open keys).
            .AddFilter("AuthActors.Credentials.Netrc", LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Warning)
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
