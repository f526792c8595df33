namespace AuthActors.Host.Commands;

/// <summary>What <c>crawl</c> fetches and where it reports.</summary>
internal sealed record CrawlSettings
{
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>Malformed lines reported at the start (counted in the summary).</summary>
    public int Skipped { get; init; }

    /// <summary>The default value is 16.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>--out FILE.jsonl, or null.</summary>
    public string? OutPath { get; init; }

    public required ClientSettings Client { get; init; }
}
