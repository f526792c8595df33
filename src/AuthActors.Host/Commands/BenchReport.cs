using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>What <c>bench --json</c> writes: the target, the rounds, one result per client and the ratios. The field names are a stable interface.</summary>
internal sealed record BenchReport
{
    [JsonPropertyName("target")]
    public string Target { get; init; } = "";

    /// <summary>Rounds of none, authactors, builtin, interleaved.</summary>
    [JsonPropertyName("rounds")]
    public int Rounds { get; init; }

    [JsonPropertyName("results")]
    public required IReadOnlyList<BenchResult> Results { get; init; }

    /// <summary>authactors' median rate over builtin's, or 0 without builtin.</summary>
    [JsonPropertyName("authactors_to_builtin")]
    public double AuthActorsToBuiltin { get; init; }
}
