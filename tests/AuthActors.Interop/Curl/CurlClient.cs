using System.Diagnostics;
using System.Text.RegularExpressions;
using AuthActors.Interop.Infrastructure;

namespace AuthActors.Interop.Curl;

/// <summary>Runs the curl binary with a timeout, output captured, and no proxy from the environment.</summary>
internal static partial class CurlClient
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>curl's version, or null when curl is not installed.</summary>
    public static Version? Version
    {
        get
        {
            if (ServerBinaries.Find("curl") is not { } curl)
            {
                return null;
            }

            var start = new ProcessStartInfo(curl, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Match match = VersionPattern().Match(text);
            return match.Success ? new Version(match.Groups[1].Value) : null;
        }
    }

    public static string? MissingReason => Version is null ? "curl is not installed; install curl to run the curl interop tests" : null;

    /// <summary>Runs curl; returns its exit code, stdout, and stderr.</summary>
    public static async Task<CurlResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(ServerBinaries.Find("curl")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only 127.0.0.1 is ever contacted; a proxy from the environment must not get in between.
        foreach (string name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"curl did not finish in {s_timeout}");
        }

        return new CurlResult(process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"^curl (\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
