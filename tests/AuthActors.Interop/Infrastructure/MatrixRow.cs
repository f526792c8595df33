using System.Globalization;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// One row of the interop matrix (docs/interop.md): what the client sent and what the server's
/// own access log says came in. Round trips per request = server log lines / requests.
/// </summary>
internal sealed record MatrixRow(
    string Server,
    string Variant,
    string Algorithm,
    string Qop,
    int Concurrency,
    int Requests,
    int Failures,
    int ServerLines,
    int Server401,
    int ServerStale,
    long StaleRefreshes,
    long ModeSwitches,
    TimeSpan Elapsed)
{
    public double RoundTripsPerRequest => Requests == 0 ? 0 : (double)ServerLines / Requests;

    public const string Header =
        "| server | variant | algorithm | qop | concurrency | requests | failures | server lines | 401/407 | stale | rt/request | client stale refreshes | mode switches | ms |\n"
        + "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public string ToMarkdown() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Server} | {Variant} | {Algorithm} | {Qop} | {Concurrency} | {Requests} | {Failures} | {ServerLines} | {Server401} | {ServerStale} | {RoundTripsPerRequest:F2} | {StaleRefreshes} | {ModeSwitches} | {Elapsed.TotalMilliseconds:F0} |");
}
