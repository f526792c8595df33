namespace AuthActors.Interop.Infrastructure;

/// <summary>Finds the peers' binaries: on PATH, or in the sbin directories a non-root PATH may lack.</summary>
internal static class ServerBinaries
{
    private static readonly string[] s_extraDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/usr/local/bin"];

    /// <summary>The first candidate that exists: an absolute path as is, a bare name on PATH or in sbin.</summary>
    public static string? Find(params string[] candidates)
    {
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (string candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                continue;
            }

            foreach (string directory in path.Concat(s_extraDirectories))
            {
                string full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>The first directory that holds <paramref name="file"/>.</summary>
    public static string? FindDirectoryWith(string file, params string[] directories) =>
        directories.FirstOrDefault(d => File.Exists(Path.Combine(d, file)));

    /// <summary>Whether the tests run as root (servers must then be told to drop to an unprivileged user).</summary>
    public static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The unprivileged group name of this system: nogroup (Debian) or nobody (elsewhere).</summary>
    public static string NobodyGroup =>
        File.Exists("/etc/group") && File.ReadLines("/etc/group").Any(l => l.StartsWith("nogroup:", StringComparison.Ordinal)) ? "nogroup" : "nobody";
}
