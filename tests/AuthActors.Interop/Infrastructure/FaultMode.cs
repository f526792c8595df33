namespace AuthActors.Interop.Infrastructure;

/// <summary>What a <see cref="FaultProxy"/> does with each connection.</summary>
internal enum FaultMode
{
    /// <summary>Pipes bytes both ways to the upstream server.</summary>
    Forward,

    /// <summary>Accepts and resets the connection at once (RST).</summary>
    Reset,

    /// <summary>Reads the request, then closes the connection without a response.</summary>
    CloseAfterRequest,

    /// <summary>Accepts, reads, and never answers (a server that hangs) until the proxy is disposed.</summary>
    Blackhole,
}
