using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Credentials from a netrc file (name <c>"netrc"</c>), looked up by host as curl and Python
/// requests do: the first <c>machine</c> whose name equals the origin's host (ignoring case and
/// port) wins, else <c>default</c>. An entry with a login but no password declines with a reason
/// (curl would prompt for the password; a library cannot). A malformed file throws
/// <see cref="NetrcFormatException"/>, which the chain reports as
/// <see cref="CredentialEventKind.SourceFailed"/>; a missing file declines.
/// </summary>
/// <remarks>
/// <para>
/// The file is read on first use and read again whenever its size or last-write time changes,
/// so answers are fresh even where file watching is unavailable. A <see cref="FileSystemWatcher"/>
/// on the file's directory (not recursive, no polling) fires the change token when the file is
/// written, created, deleted or renamed, so live spaces re-resolve.
/// </para>
/// <para>
/// On Unix a file readable or writable by group or others (mode &amp; 077) is logged as a warning
/// once, as ftp and curl's documentation advise; it is still used.
/// </para>
/// <para>Dispose the source to stop watching.</para>
/// </remarks>
public sealed class NetrcCredentialSource : ICredentialSource, IDisposable
{
    /// <summary>The <see cref="Name"/> of every netrc source.</summary>
    public const string SourceName = "netrc";

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly ILogger _logger;
    private readonly ChangeSignal _changed = new();
    private readonly FileSystemWatcher? _watcher;
    private Snapshot? _snapshot;
    private int _permissionWarned;

    /// <summary>Creates the source.</summary>
    /// <param name="path">
    /// The netrc file. Default <see langword="null"/>: <c>$NETRC</c> if set, else <c>$HOME/.netrc</c>
    /// (the user profile when <c>HOME</c> is unset); on Windows <c>%HOME%</c> or
    /// <c>%USERPROFILE%</c>, file <c>.netrc</c> if it exists, else <c>_netrc</c> (as curl does).
    /// </param>
    /// <param name="logger">Receives warnings (open permissions, unknown tokens, watch failures). Default: none.</param>
    public NetrcCredentialSource(string? path = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _named = path is not null || Environment.GetEnvironmentVariable("NETRC") is { Length: > 0 };
        Path = ResolvePath(path, Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());
        _watcher = Path is null ? null : TryWatch(Path);
    }

    // A file named by the caller or $NETRC, whose absence is worth a reason; not the default ~/.netrc.
    private readonly bool _named;

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <summary>The full path of the file consulted, or <see langword="null"/> when no home directory is known.</summary>
    public string? Path { get; }

    /// <summary>
    /// Whether to answer proxy requests (407) too. Default <see langword="false"/>: curl and
    /// requests use netrc for the target host only, never for a proxy.
    /// </summary>
    public bool AnswerProxyRequests { get; init; }

    /// <summary>
    /// Parses netrc text. Tokens are separated by spaces, tabs and line breaks; keywords are
    /// <c>machine NAME</c>, <c>default</c>, <c>login</c>, <c>password</c>, <c>account</c> and
    /// <c>macdef NAME</c>, compared ignoring case. Choices, following curl 7.84+:
    /// <list type="bullet">
    /// <item><c>#</c> at the start of a token comments out the rest of the line; inside a token it is literal.</item>
    /// <item>A token that starts with <c>"</c> is quoted: it may hold spaces and <c>#</c>, understands
    /// <c>\"</c> <c>\\</c> <c>\n</c> <c>\r</c> <c>\t</c>, and must end on its line and be followed by white space.</item>
    /// <item><c>macdef NAME</c> ends the current entry; the rest of its line and the following
    /// lines up to the first empty line are the macro body, skipped.</item>
    /// <item><c>default</c> should be last; entries after it are ignored (curl never reaches them) and noted in the log.</item>
    /// <item>Unknown tokens are ignored, as curl does, and noted in the log by line only.</item>
    /// <item>Errors (<see cref="NetrcFormatException"/> with file and line, never a token):
    /// <c>machine</c>, <c>login</c>, <c>password</c>, <c>account</c> or <c>macdef</c> with no
    /// value before the end of the file; <c>login</c>, <c>password</c> or <c>account</c> before
    /// any <c>machine</c> or <c>default</c>; an unterminated quoted token.</item>
    /// </list>
    /// </summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="fileName">The name to put in errors.</param>
    /// <exception cref="NetrcFormatException">The text is malformed.</exception>
    internal static NetrcFile Parse(string text, string fileName) => NetrcParser.Parse(text, fileName);

    /// <inheritdoc/>
    public async ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsProxy && !AnswerProxyRequests)
        {
            return CredentialAnswer.Declined;
        }

        if (Path is null)
        {
            return CredentialAnswer.Decline("no home directory, so no netrc file");
        }

        NetrcFile? file = await LoadAsync(Path, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            // No ~/.netrc is usual; a file the configuration named and that is not there is a mistake to report.
            return _named ? CredentialAnswer.Decline($"the netrc file '{Path}' does not exist") : CredentialAnswer.Declined;
        }

        NetrcEntry? entry = null;
        foreach (string host in HostNames(request.Origin))
        {
            entry ??= file.FindMachine(host);
        }

        entry ??= file.Default;
        if (entry is null)
        {
            return CredentialAnswer.Declined;
        }

        string which = entry.IsDefault ? "the default entry" : $"the entry for '{entry.Machine}'";
        if (string.IsNullOrEmpty(entry.Login))
        {
            return CredentialAnswer.Decline(string.Create(CultureInfo.InvariantCulture, $"{which} (line {entry.Line}) has no login"));
        }

        if (entry.Password is null)
        {
            return CredentialAnswer.Decline(string.Create(CultureInfo.InvariantCulture, $"{which} (line {entry.Line}) has a login but no password"));
        }

        return CredentialAnswer.Found(new Credential(entry.Login, entry.Password, entry.Account));
    }

    /// <summary>Fires when the file is written, created, deleted or renamed.</summary>
    public IChangeToken GetChangeToken() => _changed.GetToken();


    /// <summary>Stops watching the file.</summary>
    public void Dispose() => _watcher?.Dispose();

    /// <summary>Finds the file the way curl does (lib/netrc.c, Curl_parsenetrc); internal for tests.</summary>
    internal static string? ResolvePath(string? path, Func<string, string?> getVariable, bool isWindows)
    {
        if (!string.IsNullOrEmpty(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        string? fromVariable = getVariable("NETRC");
        if (!string.IsNullOrEmpty(fromVariable))
        {
            return System.IO.Path.GetFullPath(fromVariable);
        }

        string? home = getVariable("HOME");
        if (string.IsNullOrEmpty(home) && isWindows)
        {
            home = getVariable("USERPROFILE");
        }

        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (string.IsNullOrEmpty(home))
        {
            return null;
        }

        string dotNetrc = System.IO.Path.Combine(home, ".netrc");
        return isWindows && !File.Exists(dotNetrc) ? System.IO.Path.Combine(home, "_netrc") : dotNetrc;
    }

    private static IEnumerable<string> HostNames(Uri origin)
    {
        // A netrc may name a host as typed (Unicode) or in its IDNA form; IPv6 without brackets.
        string bare = OriginText.BareHost(origin);
        yield return bare;
        if (!string.Equals(origin.Host, bare, StringComparison.OrdinalIgnoreCase))
        {
            yield return origin.Host;
        }
    }

    private async ValueTask<NetrcFile?> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            Volatile.Write(ref _snapshot, null);
            return null;
        }

        Snapshot? snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.LastWriteUtc == info.LastWriteTimeUtc && snapshot.Length == info.Length)
        {
            return snapshot.File;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the stat and the read: the same as not there.
            return null;
        }

        WarnIfOpen(path);
        NetrcFile file = Parse(text, path);
        foreach (NetrcNotice notice in file.Notices)
        {
            CredentialLog.NetrcNotice(_logger, path, notice.Line, notice.Message);
        }

        Volatile.Write(ref _snapshot, new Snapshot(info.LastWriteTimeUtc, info.Length, file));
        return file;
    }

    private void WarnIfOpen(string path)
    {
        if (OperatingSystem.IsWindows() || Volatile.Read(ref _permissionWarned) != 0)
        {
            return;
        }

        UnixFileMode mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0 && Interlocked.Exchange(ref _permissionWarned, 1) == 0)
        {
            CredentialLog.NetrcTooOpen(_logger, path, Convert.ToString((int)mode, 8));
        }
    }

    private FileSystemWatcher? TryWatch(string path)
    {
        string? directory = System.IO.Path.GetDirectoryName(path);
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(path))
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += OnFileEvent;
            watcher.Created += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnFileEvent;
            watcher.Error += OnWatcherError;
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // E.g. the inotify watch limit is reached. Lookups still stat the file each time.
            CredentialLog.NetrcWatchFailed(_logger, path, exception);
            watcher?.Dispose();
            return null;
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => OnChanged();

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        // Events may have been lost (buffer overflow): assume the file changed.
        CredentialLog.NetrcWatchFailed(_logger, Path!, e.GetException());
        OnChanged();
    }

    private void OnChanged()
    {
        Volatile.Write(ref _snapshot, null);
        CredentialLog.NetrcChanged(_logger, Path!);
        try
        {
            _changed.Fire();
        }
        catch (AggregateException exception)
        {
            // This runs on the watcher's thread, where an unhandled exception ends the process.
            CredentialLog.NetrcChangeCallbackFailed(_logger, Path!, exception);
        }
    }

    private sealed record Snapshot(DateTime LastWriteUtc, long Length, NetrcFile File);
}
