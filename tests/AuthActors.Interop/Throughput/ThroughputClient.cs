namespace AuthActors.Interop.Throughput;

/// <summary>Which HTTP client a throughput run uses.</summary>
internal enum ThroughputClient
{
    /// <summary>A plain <see cref="HttpClient"/> on the open path: the baseline.</summary>
    Plain,

    /// <summary><see cref="Http.AuthActorsHandler"/> over <see cref="SocketsHttpHandler"/>.</summary>
    AuthActors,

    /// <summary>.NET's own Digest: <see cref="SocketsHttpHandler"/> with a <see cref="System.Net.CredentialCache"/> and <c>PreAuthenticate</c>.</summary>
    Builtin,
}
