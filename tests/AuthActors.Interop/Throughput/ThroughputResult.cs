using System.Globalization;

namespace AuthActors.Interop.Throughput;

/// <summary>One measured run: requests, failures, time, and the server's access-log lines for it.</summary>
internal sealed record ThroughputResult(ThroughputClient Client, string Location, int Requests, IReadOnlyList<string> Failures, TimeSpan Elapsed, int ServerLines)
{
    public double RequestsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Requests / Elapsed.TotalSeconds;

    /// <summary>Requests the server logged per request sent (a 401 and its retry are two).</summary>
    public double RoundTripsPerRequest => Requests == 0 ? 0 : (double)ServerLines / Requests;

    /// <summary>A markdown table row: server, location, client, requests/s, round trips, ratio to <paramref name="openRate"/>, failures.</summary>
    public string ToRow(string server, double openRate) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {server} | {Location} | {Name(Client)} | {RequestsPerSecond:N0} | {RoundTripsPerRequest:0.000} | {(openRate <= 0 ? 0 : RequestsPerSecond / openRate):0.00} | {Failures.Count} |");

    public string Describe() =>
        $"{Name(Client)} on {Location}: {Requests - Failures.Count}/{Requests} ok, {ServerLines} server lines"
        + (Failures.Count == 0 ? "" : ": " + string.Join(" | ", Failures.GroupBy(f => f).Take(3).Select(g => $"{g.Count()}x {g.Key}")));

    private static string Name(ThroughputClient client) => client switch
    {
        ThroughputClient.Plain => "plain HttpClient",
        ThroughputClient.AuthActors => "authactors",
        _ => "builtin Digest (PreAuthenticate)",
    };
}
