using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>One line of <c>crawl --out FILE.jsonl</c>: what happened to one URL. The field names are a stable interface (issue 6).</summary>
internal sealed record CrawlRecord
{
    /// <summary>The URL, without any user-info.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The final HTTP status, or null when no response came.</summary>
    [JsonPropertyName("status")]
    public required int? Status { get; init; }

    /// <summary>Body bytes read.</summary>
    [JsonPropertyName("bytes")]
    public required long Bytes { get; init; }

    /// <summary>Time from sending to the end of the body, retries and redirects included.</summary>
    [JsonPropertyName("elapsed_ms")]
    public required double ElapsedMs { get; init; }

    /// <summary>How many times a request for this URL went on the wire (a challenge and its answer are two).</summary>
    [JsonPropertyName("attempts")]
    public required int Attempts { get; init; }

    /// <summary>Why it failed (non-2xx, network error, timeout), or null.</summary>
    [JsonPropertyName("error")]
    public required string? Error { get; init; }
}
