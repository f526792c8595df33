namespace AuthActors.Interop.Infrastructure;

/// <summary>A load run and the access-log lines the server wrote for it.</summary>
internal sealed record Measured(LoadResult Load, IReadOnlyList<string> ServerLines, int WireAnswered)
{
    /// <summary>How long to wait for a server to log what it already answered.</summary>
    public static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Runs a bounded load and collects the server's own account of it.</summary>
    public static async Task<Measured> RunAsync(
        InteropClient client, AccessLog log, int requests, int concurrency, Func<int, Uri> url, Func<Task>? flush = null)
    {
        if (flush is not null)
        {
            await flush();
        }

        int mark = log.Mark();
        int answeredBefore = client.Wire.Answered;
        LoadResult load = await client.RunAsync(requests, concurrency, url);
        int answered = client.Wire.Answered - answeredBefore;
        IReadOnlyList<string> lines = await log.WaitForLinesAsync(mark, answered, LogTimeout, flush);
        return new Measured(load, lines, answered);
    }

    /// <summary>Server lines whose first field (the status) is <paramref name="status"/>.</summary>
    public int CountStatus(int status) =>
        ServerLines.Count(l => l.StartsWith(status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));

    public int CountStale => ServerLines.Count(l => l.Contains("stale=true", StringComparison.OrdinalIgnoreCase));
}
