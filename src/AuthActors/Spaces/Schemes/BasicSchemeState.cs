using AuthActors.Credentials;
using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// A Basic space: one header value per credential, handed out as the same immutable lease to
/// every request (nothing to count, nothing allocated per request). Any challenge to a request
/// that carried the current credential is a rejection (RFC 7617 has no stale).
/// </summary>
internal sealed class BasicSchemeState : AuthSchemeState
{
    private readonly bool _utf8;
    private readonly SpaceContext _context;
    private BasicLease? _lease;
    private string? _error;

    public BasicSchemeState(bool utf8, SpaceContext context)
    {
        _utf8 = utf8;
        _context = context;
    }

    /// <inheritdoc />
    public override void OnCredential(Credential credential)
    {
        try
        {
            _lease = new BasicLease(BasicAuthentication.CreateHeaderValue(credential.UserName, credential.Password, _utf8));
            _error = null;
        }
        catch (ArgumentException e)
        {
            // A colon in the user-id, or a character the encoding cannot carry (RFC 7617 §2).
            // The message names the user id, never the password.
            _lease = null;
            _error = $"the credential for {_context.Key} cannot be sent as Basic: {e.Message}";
        }
    }

    /// <inheritdoc />
    public override LeaseDecision Lease(LeaseContext request) =>
        _lease is not null ? LeaseDecision.Issue(_lease) : LeaseDecision.Fail(_error ?? $"no credential for {_context.Key}");

    /// <inheritdoc />
    public override ChallengeDecision OnChallenge(ChallengeContext context)
    {
        if (_lease is null)
        {
            return ChallengeDecision.GiveUp(_error ?? $"no credential for {_context.Key}", Http.AuthFailureKind.NoCredential);
        }

        return context.Lease is BasicLease lease && ReferenceEquals(lease, _lease)
            ? ChallengeDecision.Reject($"the server refused the credential for {_context.Key}")
            : ChallengeDecision.Retry(_lease, RetryReason.Challenge);
    }

    private sealed class BasicLease(string headerValue) : AuthLease("Basic")
    {
        public override ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken) =>
            new(headerValue);
    }
}
