using System.Diagnostics;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// Waits for a condition on a file a server writes (its log), with a deadline: woken by a change
/// notification, or after a short poll interval at the latest (a notification can be missed
/// between a read and the wait).
/// </summary>
internal static class FileProbe
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Evaluates <paramref name="condition"/> until it returns a value or the deadline passes
    /// (then it returns what the last evaluation gave, possibly null).</summary>
    public static async Task<T?> WaitAsync<T>(string path, Func<Task<T?>> condition, TimeSpan timeout)
        where T : class
    {
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
        };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;

        var clock = Stopwatch.StartNew();
        while (true)
        {
            T? value = await condition();
            if (value is not null || clock.Elapsed > timeout)
            {
                return value;
            }

            await changed.WaitAsync(s_poll);
        }
    }

    /// <summary>Reads a file another process is writing (empty when it does not exist yet).</summary>
    public static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
