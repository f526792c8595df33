namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A server's access log, read as lines. A server writes a line after it answered, so a test
/// that has its responses waits (bounded) until the log holds as many lines as the wire saw.
/// </summary>
/// <param name="path">The log file.</param>
/// <param name="isRequest">Which lines stand for a request; others (Squid logs a connection the
/// client closed without sending anything, long after the test that opened it) are not counted.</param>
internal sealed class AccessLog(string path, Func<string, bool>? isRequest = null)
{
    public string Path { get; } = path;

    /// <summary>The request lines written so far (none when the file does not exist yet).</summary>
    public IReadOnlyList<string> ReadLines() =>
        [.. FileProbe.ReadShared(Path).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(isRequest ?? (_ => true))];

    /// <summary>A mark: the number of lines now. Lines after it belong to what follows.</summary>
    public int Mark() => ReadLines().Count;

    /// <summary>
    /// Waits until at least <paramref name="count"/> lines follow <paramref name="mark"/>, with a
    /// deadline; <paramref name="flush"/> (if any) runs before each read, for servers that buffer
    /// their log. Returns the lines after the mark, however many there are by then.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(int mark, int count, TimeSpan timeout, Func<Task>? flush = null)
    {
        IReadOnlyList<string> last = [];
        IReadOnlyList<string>? enough = await FileProbe.WaitAsync<IReadOnlyList<string>>(Path, async () =>
        {
            if (flush is not null)
            {
                await flush();
            }

            last = [.. ReadLines().Skip(mark)];
            return last.Count >= count ? last : null;
        }, timeout);
        return enough ?? last;
    }
}
