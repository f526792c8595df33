namespace AuthActors.Host.Commands;

/// <summary>Which auth the demo and bench workload exercises (<c>--scheme</c>).</summary>
internal enum WorkloadScheme
{
    /// <summary>Digest on <c>/space/N/</c>, one realm per protection space.</summary>
    Digest,

    /// <summary>Bearer on <c>/bearer/</c> (one realm, one space), tokens from the server's client credentials endpoint.</summary>
    Bearer,
}
