using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AuthActors.Host.Server;

namespace AuthActors.Host.Commands;

/// <summary>
/// What bench sends to: the authenticated URL of each request, the open URL of the same server
/// for the no-auth baseline, and the credential. The embedded server runs in a child process
/// (<c>serve</c>) unless <c>--in-process</c>, so the client's CPU is the client's alone; or the
/// server is the user's (<c>--url</c>).
/// </summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private readonly Process? _child;

    private BenchTarget(string description, Func<int, Uri> auth, Func<int, Uri> open, string userName, string password, DigestServer? inProcess, Process? child)
    {
        Description = description;
        Auth = auth;
        Open = open;
        UserName = userName;
        Password = password;
        InProcess = inProcess;
        _child = child;
    }

    public string Description { get; }

    public Func<int, Uri> Auth { get; }

    public Func<int, Uri> Open { get; }

    public string UserName { get; }

    public string Password { get; }

    /// <summary>The embedded server when it runs in this process (its counters are readable).</summary>
    public DigestServer? InProcess { get; }

    /// <summary>The user's server: every request to <paramref name="url"/>, the baseline to
    /// <paramref name="openUrl"/>, with <paramref name="user"/> as NAME:PASSWORD.</summary>
    public static BenchTarget External(Uri url, Uri? openUrl, string user)
    {
        int colon = user.IndexOf(':', StringComparison.Ordinal);
        return new($"{url} (baseline {openUrl?.ToString() ?? "none"})", _ => url, _ => openUrl ?? url, user[..colon], user[(colon + 1)..], null, null);
    }

    /// <summary>The embedded server in this process (what bench did before; its CPU counts as the client's).</summary>
    public static async Task<BenchTarget> InProcessAsync(WorkloadSettings settings, CancellationToken ct)
    {
        string password = WorkloadSettings.NewPassword();
        DigestServer server = await settings.StartServerAsync(password, ct).ConfigureAwait(false);
        return new BenchTarget(
            settings.Describe(server.BaseAddress) + ", server in this process",
            i => settings.Url(server.BaseAddress, i),
            i => WorkloadSettings.OpenUrl(server.BaseAddress, i),
            WorkloadSettings.UserName,
            password,
            server,
            null);
    }

    /// <summary>The embedded server as <c>authactors serve</c> in a child process.</summary>
    /// <exception cref="IOException">The child did not start or did not say where it listens.</exception>
    public static async Task<BenchTarget> ChildProcessAsync(WorkloadSettings settings, CancellationToken ct)
    {
        string password = WorkloadSettings.NewPassword();
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string self = Environment.ProcessPath ?? throw new IOException("cannot find this program to start the server");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string arg in (string[])[
            "serve", "--port", "0", "--user", $"{WorkloadSettings.UserName}:{password}",
            "--realms", settings.Spaces.ToString(CultureInfo.InvariantCulture),
            "--algorithm", string.Join(',', settings.Algorithms.Select(a => AuthActors.Protocol.DigestAlgorithms.ToToken(a))),
            "--nonce-lifetime", DurationParser.Format(settings.NonceLifetime)])
        {
            start.ArgumentList.Add(arg);
        }

        Process child = Process.Start(start) ?? throw new IOException("the server process did not start");
        try
        {
            const string Marker = "listening on ";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (await child.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                int at = line.IndexOf(Marker, StringComparison.Ordinal);
                if (at >= 0 && Uri.TryCreate(line[(at + Marker.Length)..].Trim(), UriKind.Absolute, out Uri? address))
                {
                    // Keep draining its output, or a full pipe would stall the server.
                    _ = child.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    _ = child.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new BenchTarget(
                        settings.Describe(address) + ", server in a child process",
                        i => settings.Url(address, i),
                        i => WorkloadSettings.OpenUrl(address, i),
                        WorkloadSettings.UserName,
                        password,
                        null,
                        child);
                }
            }

            throw new IOException($"the server process exited before it listened: {await child.StandardError.ReadToEndAsync(ct).ConfigureAwait(false)}");
        }
        catch
        {
            Stop(child);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (InProcess is not null)
        {
            await InProcess.DisposeAsync().ConfigureAwait(false);
        }

        if (_child is not null)
        {
            Stop(_child);
        }
    }

    private static void Stop(Process child)
    {
        try
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        child.Dispose();
    }
}
