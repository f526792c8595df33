using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace AuthActors.Host.Commands;

/// <summary>
/// The <c>authactors</c> command tree. Each command lives in its own file as a static
/// <c>Create(HostConsole)</c> that returns a <see cref="Command"/> with its options and action;
/// this class only puts them together and turns parse errors into one line and exit code 2.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>How long Ctrl+C waits for a command to stop before the process ends anyway.</summary>
    private static readonly TimeSpan s_terminationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The program's name in help and messages: <c>authactors</c>.</summary>
    public const string ProgramName = "authactors";

    /// <summary>
    /// Builds the root command: <c>demo</c> (also what runs with no arguments), <c>fetch</c>,
    /// <c>crawl</c>, <c>serve</c>, <c>bench</c>, <c>config</c>. <paramref name="workload"/> sets the
    /// defaults of demo and bench (tests pass a small one; null is
    /// <see cref="WorkloadSettings.Default"/>).
    /// </summary>
    public static Command Build(HostConsole console, WorkloadSettings? workload = null)
    {
        WorkloadSettings defaults = workload ?? WorkloadSettings.Default;
        // A Command, not a RootCommand: that one is named after the assembly's file
        // (AuthActors.Host); help and usage name the program users type, as the tool installs it.
        var root = new Command(ProgramName, "AuthActors: concurrent Basic and Digest credentials for HTTP clients, one actor per protection space. With no command, runs the demo.")
        {
            new HelpOption(),
            new VersionOption(),
            DemoCommand.Create(console, defaults),
            FetchCommand.Create(console),
            CrawlCommand.Create(console),
            ServeCommand.Create(console),
            BenchCommand.Create(console, defaults),
            ConfigCommand.Create(console),
        };
        root.SetAction((_, ct) => DemoCommand.RunAsync(defaults, console, ct));
        return root;
    }

    /// <summary>
    /// Parses and runs. A parse error (unknown command or option, bad value) prints one line
    /// naming it to <see cref="HostConsole.Error"/> and returns <see cref="ExitCodes.Usage"/>.
    /// With <paramref name="handleTermination"/>, Ctrl+C and SIGTERM cancel the command's token.
    /// <paramref name="workload"/>: the demo and bench defaults (see <see cref="Build"/>).
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, HostConsole console, bool handleTermination = false, WorkloadSettings? workload = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        // No response files: "@FILE" is a value here (fetch --data @FILE, as curl's).
        ParseResult result = Build(console, workload).Parse(NormalizeArguments(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            ParseError first = result.Errors[0];
            await console.Error.WriteLineAsync($"authactors: {first.Message} (see --help)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = handleTermination ? s_terminationTimeout : null,
        };
        return await result.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>--netrc</c> takes an optional FILE, so in <c>fetch --netrc http://host/x</c> the parser
    /// would take the URL for the file. A value with <c>://</c> after <c>--netrc</c> is a URL: the
    /// two swap places, so <c>--netrc</c> is followed by an option or nothing (the default file).
    /// </summary>
    internal static string[] NormalizeArguments(string[] args)
    {
        string[] normalized = [.. args];
        for (int i = 0; i < normalized.Length - 1; i++)
        {
            if (normalized[i] == "--netrc" && normalized[i + 1].Contains("://", StringComparison.Ordinal))
            {
                (normalized[i], normalized[i + 1]) = (normalized[i + 1], normalized[i]);
                i++;
            }
        }

        return normalized;
    }
}
