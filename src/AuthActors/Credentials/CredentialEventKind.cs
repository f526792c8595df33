namespace AuthActors.Credentials;

/// <summary>The kinds of <see cref="CredentialEvent"/> the <see cref="CredentialChain"/> raises.</summary>
public enum CredentialEventKind
{
    /// <summary>
    /// Raised once for every unsuccessful resolution and every rejection, after the specific event
    /// (Denied, NoCredentials, SourceFailed or Rejected): Django's <c>user_login_failed</c>.
    /// </summary>
    LoginFailed,

    /// <summary>A source denied credentials for the space; later sources were not asked.</summary>
    Denied,

    /// <summary>Every source declined.</summary>
    NoCredentials,

    /// <summary>The server or proxy answered 401/407 to a credential that was sent (<see cref="CredentialChain.ReportRejected"/>).</summary>
    Rejected,

    /// <summary>A source threw; the chain went on to the next source.</summary>
    SourceFailed,

    /// <summary>
    /// A space's credential changed after a rotation (reported by the space through
    /// <see cref="CredentialChain.ReportChanged"/> when re-resolving gave a different credential).
    /// </summary>
    Changed,
}
