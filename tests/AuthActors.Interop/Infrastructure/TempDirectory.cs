namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A private directory under the system temp path for one server's config, pid file, logs and
/// cache. World-readable (0755) because servers started as root drop to an unprivileged user
/// that must still read their config and documents. Deleted on dispose.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory("authactors-" + prefix + "-").FullName;
        SetMode(Path, Traversable);
    }

    public string Path { get; }

    /// <summary>A sub-directory; <paramref name="worldWritable"/> for servers that write there after dropping privileges.</summary>
    public string CreateDirectory(string name, bool worldWritable = false)
    {
        string path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        SetMode(path, worldWritable ? Traversable | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite : Traversable);
        return path;
    }

    /// <summary>Writes a file (mode 0644 under the usual umask) and returns its full path.</summary>
    public string WriteFile(string relativePath, string contents)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static void SetMode(string path, UnixFileMode mode)
    {
        // The peers are Unix servers; on Windows there is nothing to run and no mode to set.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server killed a moment ago may still be closing a log; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by a server that dropped to another user; the OS temp cleaner gets them.
        }
    }
}
