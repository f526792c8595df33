using System.Text.RegularExpressions;
using AuthActors.Host.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Tests.Host;

/// <summary>
/// Runs <c>authactors serve ...</c> in-process through the real command line, waits for its
/// banner, and stops it on dispose (cancellation, as Ctrl+C does).
/// </summary>
internal sealed partial class ServeRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    private ServeRun(string[] args, ILoggerFactory loggerFactory)
    {
        var console = new HostConsole { Out = Output, Error = Error, CreateLoggerFactory = _ => loggerFactory };
        _run = Task.Run(() => HostCommandLine.InvokeAsync(args, console, handleTermination: false, ct: _stop.Token));
    }

    public CapturingWriter Output { get; } = new();

    public CapturingWriter Error { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static Task<ServeRun> StartAsync(params string[] args) => StartAsync(NullLoggerFactory.Instance, args);

    /// <summary>The same, with the server's request log going to <paramref name="loggerFactory"/>.</summary>
    public static async Task<ServeRun> StartAsync(ILoggerFactory loggerFactory, params string[] args)
    {
        var run = new ServeRun(["serve", "--port", "0", .. args], loggerFactory);
        Task<Match> banner = run.Output.WaitForLineAsync(ListeningLine());
        Task first = await Task.WhenAny(banner, run._run).WaitAsync(DigestTestClient.Timeout);
        if (first != banner)
        {
            int exit = await run._run;
            throw new InvalidOperationException($"serve exited with {exit} before listening: {run.Error.Text}");
        }

        run.BaseAddress = new Uri((await banner).Groups[1].Value);
        return run;
    }

    /// <summary>Cancels the command as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(DigestTestClient.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningLine();
}
