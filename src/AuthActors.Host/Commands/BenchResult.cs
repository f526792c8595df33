using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>One client's figures in <see cref="BenchReport"/>: medians over the rounds, with the spread of the rate.</summary>
internal sealed record BenchResult
{
    /// <summary>"none" (open path, no auth), "authactors" or "builtin" (SocketsHttpHandler with the credential, PreAuthenticate).</summary>
    [JsonPropertyName("client")]
    public required string Client { get; init; }

    /// <summary>Requests over all rounds.</summary>
    [JsonPropertyName("requests")]
    public required long Requests { get; init; }

    [JsonPropertyName("failed")]
    public required long Failed { get; init; }

    /// <summary>The median of the rounds' rates.</summary>
    [JsonPropertyName("requests_per_second")]
    public required double RequestsPerSecond { get; init; }

    [JsonPropertyName("requests_per_second_min")]
    public required double RequestsPerSecondMin { get; init; }

    [JsonPropertyName("requests_per_second_max")]
    public required double RequestsPerSecondMax { get; init; }

    /// <summary>Requests on the wire per logical request (counted under the client's handlers).</summary>
    [JsonPropertyName("round_trips_per_request")]
    public required double RoundTripsPerRequest { get; init; }

    /// <summary>This process's CPU time over a round per request, in µs (the server's excluded unless it runs in this process).</summary>
    [JsonPropertyName("cpu_us_per_request")]
    public required double CpuMicrosecondsPerRequest { get; init; }

    /// <summary>Bytes this process allocated over a round per request.</summary>
    [JsonPropertyName("allocated_bytes_per_request")]
    public required double AllocatedBytesPerRequest { get; init; }

    /// <summary>This client's median rate over the "none" client's.</summary>
    [JsonPropertyName("ratio_to_none")]
    public required double RatioToNone { get; init; }

    /// <summary>This client's CPU per request over the "none" client's.</summary>
    [JsonPropertyName("cpu_ratio_to_none")]
    public required double CpuRatioToNone { get; init; }
}
