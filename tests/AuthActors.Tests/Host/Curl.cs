using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AuthActors.Tests.Host;

/// <summary>Runs the curl binary (if on PATH) with a timeout, output captured, and no proxy from the environment.</summary>
internal static partial class Curl
{
    private static readonly Lazy<Version?> s_version = new(ReadVersion);

    /// <summary>curl's version, or null when curl is not on PATH.</summary>
    public static Version? Version => s_version.Value;

    /// <summary>curl 7.57 added SHA-256 and SHA-512-256 Digest.</summary>
    public static bool SupportsSha256 => Version is { } v && v >= new Version(7, 57);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("curl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tests talk to 127.0.0.1 only; a proxy from the environment must not get in between.
        foreach (string name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DigestTestClient.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"curl {string.Join(' ', args)} did not finish in {DigestTestClient.Timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static Version? ReadVersion()
    {
        try
        {
            var start = new ProcessStartInfo("curl", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            string text = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            Match match = VersionPattern().Match(text);
            return match.Success ? new Version(match.Groups[1].Value) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not on PATH: the tests that need curl skip.
            return null;
        }
    }

    [GeneratedRegex(@"^curl (\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
