using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>
/// What <c>demo --json FILE</c> writes. The field names are a stable interface (issue 6); with
/// <c>--scheme bearer</c> two more appear, <c>token_requests</c> and <c>invalid_tokens</c>.
/// </summary>
internal sealed record DemoReport
{
    /// <summary>Requests the client sent (each counted once, however many round trips it took).</summary>
    [JsonPropertyName("requests")]
    public required long Requests { get; init; }

    /// <summary>Requests answered 200.</summary>
    [JsonPropertyName("succeeded")]
    public required long Succeeded { get; init; }

    /// <summary>Requests that ended any other way.</summary>
    [JsonPropertyName("failed")]
    public required long Failed { get; init; }

    /// <summary>401 responses the server sent (first challenges, stale nonces, rejections).</summary>
    [JsonPropertyName("server_401s")]
    public required long Server401s { get; init; }

    /// <summary>Stale nonces the client's spaces refreshed (RFC 7616 §3.3 stale=true).</summary>
    [JsonPropertyName("stale_refreshes")]
    public required long StaleRefreshes { get; init; }

    /// <summary>Requests the server rejected for a (nonce, nc) pair it had seen before.</summary>
    [JsonPropertyName("nc_replays")]
    public required long NcReplays { get; init; }

    /// <summary>Requests the server received per client request.</summary>
    [JsonPropertyName("round_trips_per_request")]
    public required double RoundTripsPerRequest { get; init; }

    /// <summary>Client requests per second of wall time.</summary>
    [JsonPropertyName("requests_per_second")]
    public required double RequestsPerSecond { get; init; }

    /// <summary>With <c>--scheme bearer</c>: token requests the server received; absent (not written) for Digest.</summary>
    [JsonPropertyName("token_requests")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TokenRequests { get; init; }

    /// <summary>With <c>--scheme bearer</c>: requests the server refused with <c>error="invalid_token"</c>; absent for Digest.</summary>
    [JsonPropertyName("invalid_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? InvalidTokens { get; init; }

    /// <summary>Median request latency, retries included, in milliseconds.</summary>
    [JsonPropertyName("p50_ms")]
    public required double P50Ms { get; init; }

    /// <summary>99th percentile request latency in milliseconds.</summary>
    [JsonPropertyName("p99_ms")]
    public required double P99Ms { get; init; }
}
