using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>What <c>bench --json FILE</c> writes: one result per client. The field names are a stable interface (issue 6).</summary>
internal sealed record BenchReport
{
    [JsonPropertyName("results")]
    public required IReadOnlyList<BenchResult> Results { get; init; }
}
