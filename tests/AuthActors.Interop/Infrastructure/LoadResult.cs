namespace AuthActors.Interop.Infrastructure;

/// <summary>What a bounded load run ended with: every request is a success or a failure with its reason.</summary>
internal sealed record LoadResult(int Requests, int Succeeded, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    /// <summary>Requests that neither succeeded nor failed (must be zero: nothing is lost).</summary>
    public int Unaccounted => Requests - Succeeded - Failures.Count;

    public override string ToString() =>
        $"{Succeeded}/{Requests} ok in {Elapsed.TotalMilliseconds:F0} ms, {Failures.Count} failed"
        + (Failures.Count == 0 ? "" : ": " + string.Join(" | ", Failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Count()}x {g.Key}")));
}
