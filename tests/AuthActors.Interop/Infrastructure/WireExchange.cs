namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// One request as it went on the wire, below the AuthActors handler. Holds what the tests need
/// to count round trips and check the scheme chosen, never a credential: of an Authorization
/// header only its scheme, algorithm, nc and user name are kept.
/// </summary>
internal sealed record WireExchange(
    string Method,
    Uri Uri,
    int? Status,
    string? Scheme,
    string? Algorithm,
    string? Nc,
    string? UserName,
    bool ProxyCredentials,
    bool StaleChallenge,
    bool NextNonce,
    string? Error);
