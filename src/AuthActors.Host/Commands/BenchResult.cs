using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>One client's figures in <see cref="BenchReport"/>.</summary>
internal sealed record BenchResult
{
    /// <summary>"none" (open path, no auth), "authactors" or "builtin" (SocketsHttpHandler with a CredentialCache).</summary>
    [JsonPropertyName("client")]
    public required string Client { get; init; }

    [JsonPropertyName("requests")]
    public required long Requests { get; init; }

    [JsonPropertyName("failed")]
    public required long Failed { get; init; }

    [JsonPropertyName("requests_per_second")]
    public required double RequestsPerSecond { get; init; }

    /// <summary>Requests the server received per client request.</summary>
    [JsonPropertyName("round_trips_per_request")]
    public required double RoundTripsPerRequest { get; init; }

    /// <summary>This client's requests per second over the "none" client's.</summary>
    [JsonPropertyName("ratio_to_none")]
    public required double RatioToNone { get; init; }
}
