namespace AuthActors.Http;

/// <summary>
/// Why a 401/407 was returned unanswered, for code (beside the text in
/// <see cref="AuthActorsHandler.FailureReasonKey"/>): under
/// <see cref="AuthActorsHandler.FailureKindKey"/> in the request's options, and as the
/// <c>authactors.failure_kind</c> tag of the <c>authactors.unanswered</c> counter.
/// </summary>
public enum AuthFailureKind
{
    /// <summary>The challenge could not be answered for another reason (a scheme gave up: an
    /// insufficient Bearer scope, a malformed Digest challenge, no token from the endpoint).</summary>
    Unanswerable,

    /// <summary>No credential source knows this space (or one denied it).</summary>
    NoCredential,

    /// <summary>The server refused the credential: a wrong password, a revoked token.</summary>
    CredentialRefused,

    /// <summary>No challenge the client may answer: unknown schemes, or policy refuses them.</summary>
    NoUsableChallenge,

    /// <summary>A proven Digest origin offered only Basic (RFC 7616 §5.8); policy refuses it.</summary>
    DowngradeRefused,

    /// <summary>The body cannot be sent again (larger than buffer-limit, or not rewindable).</summary>
    BodyNotResendable,

    /// <summary>The request already used its retry for this reason, on this hop.</summary>
    RetryLimit,

    /// <summary>A proxy asked for credentials but none is configured for the request.</summary>
    ProxyNotConfigured,
}
