using System.Text;
using AuthActors.Credentials;
using AuthActors.Spaces;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>
/// SAMPLE: what the Hmac scheme keeps per space: the key id and secret from the credential chain,
/// wrapped in one immutable lease that every request shares. The space's actor calls each member
/// one at a time, so no locks are needed; nothing here does I/O.
/// </summary>
public sealed class HmacSchemeState : AuthSchemeState
{
    private readonly SpaceContext _context;
    private HmacLease? _lease;
    private string? _error;

    public HmacSchemeState(SpaceContext context) => _context = context;

    /// <summary>The chain answered for this space: user name = key id, password = shared secret.</summary>
    public override void OnCredential(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.UserName.Length == 0 || credential.UserName.Any(c => c is '"' or '\\' || char.IsControl(c)))
        {
            // Name the key id and the source, never the secret.
            _lease = null;
            _error = $"key id '{credential.UserName}' from source '{credential.Source}' cannot be sent in an Hmac header";
            return;
        }

        _lease = new HmacLease(credential.UserName, Encoding.UTF8.GetBytes(credential.Password), _context.TimeProvider);
        _error = null;
    }

    /// <summary>Every request gets the same lease; it signs each request on the caller's thread.</summary>
    public override LeaseDecision Lease(LeaseContext request) =>
        _lease is not null ? LeaseDecision.Issue(_lease) : LeaseDecision.Fail(_error ?? $"no key for {_context.Key}");

    /// <summary>
    /// A request without our signature (the first one, or one signed with a key since rotated) is
    /// retried once, signed. A request that carried the current key was refused: that is a wrong
    /// key, so the space records a rejection and never loops.
    /// </summary>
    public override ChallengeDecision OnChallenge(ChallengeContext context)
    {
        if (_lease is null)
        {
            return ChallengeDecision.GiveUp(_error ?? $"no key for {_context.Key}");
        }

        return ReferenceEquals(context.Lease, _lease)
            ? ChallengeDecision.Reject($"the server refused the signature of key '{_lease.KeyId}'")
            : ChallengeDecision.Retry(_lease, RetryReason.Challenge);
    }
}
