using System.Globalization;
using AuthActors.Credentials;
using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// A Bearer space's token (RFC 6750), owned by the space's actor: every member runs on it, one
/// message at a time, so there are no locks. The token either is static (the chain's password) or
/// comes from the client credentials grant (RFC 6749 §4.4), and then the state refreshes it:
/// <list type="bullet">
/// <item><b>No token</b> (none yet, expired, or refused by the server): a request starts one token
/// request and waits (<see cref="LeaseDecision.Wait"/>); every request that arrives meanwhile waits
/// on the same one. When it ends the actor offers the waiting requests again: they get the new
/// token, or the error.</item>
/// <item><b>Fresh</b>: every request gets the token; nothing is computed per request.</item>
/// <item><b>Aging</b> (within <see cref="BearerSchemeOptions.RefreshSkew"/> of expiry): requests
/// still get the token, and the first one starts a refresh in the background.</item>
/// <item><b>Backing off</b> (the last token request failed): requests that need a token fail at
/// once with that error until the backoff has passed; then the next request tries again.</item>
/// </list>
/// Token numbers (generations) tell a request that carried the current token from one that carried
/// an older token: only the former can prove the current token bad.
/// </summary>
internal sealed class BearerSchemeState : AuthSchemeState
{
    private const string InvalidToken = "invalid_token";
    private const string StaticUserName = "token";

    private readonly BearerSchemeOptions _options;
    private readonly SpaceContext _context;
    private readonly TokenEndpointClient? _endpoint;
    private readonly long _createdAt;

    // The credential and what is derived from it.
    private Credential? _credential;
    private string? _clientAuthentication;
    private string? _credentialError;

    // The current token. _lease is null when there is none; the rest describe it.
    private BearerLease? _lease;
    private string? _token;
    private long _generation;
    private TimeSpan? _expiresAt;
    private TimeSpan? _refreshAt;
    private bool _proven;
    private bool _refused;

    // The token request in flight, and the backoff after failed ones.
    private bool _refreshing;
    private long _attempt;
    private int _failures;
    private TimeSpan _retryAt;
    private string? _lastError;

    public BearerSchemeState(BearerSchemeOptions options, TokenEndpointClient? endpoint, SpaceContext context)
    {
        _options = options;
        _endpoint = endpoint;
        _context = context;
        _createdAt = context.TimeProvider.GetTimestamp();
    }

    /// <summary>Monotonic time since the state was created, on the space's clock.</summary>
    private TimeSpan Now => _context.TimeProvider.GetElapsedTime(_createdAt);

    private string Space => _context.Key.ToString();

    private bool IsStatic => _endpoint is null;

    /// <inheritdoc />
    public override void OnCredential(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _clientAuthentication = null;
        _credentialError = null;

        // Everything derived from the old credential goes, including a token request in flight:
        // its answer will find a newer attempt number and be dropped.
        _attempt++;
        _refreshing = false;
        _failures = 0;
        _retryAt = TimeSpan.Zero;
        _lastError = null;
        DropToken();

        if (IsStatic)
        {
            // The token is the password. A user name other than "" or "token" means the chain
            // answered with a login, which must not be sent as a token.
            if (credential.UserName.Length != 0 && !string.Equals(credential.UserName, StaticUserName, StringComparison.OrdinalIgnoreCase))
            {
                Unusable($"the credential of user '{credential.UserName}' from source '{credential.Source ?? "unknown"}' is not a static token "
                    + "(give the token as the password, with an empty user name or 'token', or configure BearerSchemeOptions.TokenEndpoint)");
            }
            else if (!BearerScheme.IsValidToken(credential.Password))
            {
                Unusable($"the static token from source '{credential.Source ?? "unknown"}' is empty or not a b64token (RFC 6750 §2.1)");
            }
            else
            {
                AdoptToken(credential.Password, lifetime: null, startedAt: Now, wantsCompletion: false);
            }
        }
        else if (credential.UserName.Length == 0)
        {
            Unusable($"the credential from source '{credential.Source ?? "unknown"}' has no client id (its user name) for the token endpoint {_endpoint!.Display}");
        }
        else
        {
            _clientAuthentication = TokenEndpointClient.CreateClientAuthentication(credential.UserName, credential.Password);
        }
    }

    /// <inheritdoc />
    public override LeaseDecision Lease(LeaseContext request)
    {
        if (_credentialError is not null)
        {
            return LeaseDecision.Fail(_credentialError);
        }

        TimeSpan now = Now;
        return EnsureToken(now, "a request needs one") switch
        {
            Availability.Ready => LeaseDecision.Issue(_lease!),
            Availability.Pending => LeaseDecision.Wait,
            _ => LeaseDecision.Fail(Unavailable(now)),
        };
    }

    /// <inheritdoc />
    public override ChallengeDecision OnChallenge(ChallengeContext context)
    {
        if (_credentialError is not null)
        {
            return ChallengeDecision.GiveUp(_credentialError, Http.AuthFailureKind.NoCredential);
        }

        AuthChallenge challenge = context.Challenge;
        string? error = challenge.GetParameter("error");
        if (error is not null && !string.Equals(error, InvalidToken, StringComparison.Ordinal))
        {
            // RFC 6750 §3.1: insufficient_scope needs a token with more scope, invalid_request a
            // different request. A new token of the same client fixes neither: back to the caller.
            return ChallengeDecision.GiveUp(Describe(challenge, error));
        }

        BearerLease? carried = context.Lease is BearerLease lease && lease.State == this ? lease : null;
        TimeSpan now = Now;
        if (carried is null)
        {
            // The request carried no token of this credential (RFC 6750 §3: a challenge without an
            // error code): the first challenge of this request.
            return Answer(now, RetryReason.Challenge);
        }

        if (_lease is null || carried.Generation != _generation)
        {
            // An older token, replaced since the request left: retry with the current one.
            return Answer(now, RetryReason.Stale);
        }

        // The current token was refused (invalid_token, or a bare challenge to a request that had it).
        if (!_refused)
        {
            if (IsStatic)
            {
                return ChallengeDecision.Reject($"the server refused the static Bearer token for {_context.Key}: {Describe(challenge, error)}");
            }

            if (!_proven)
            {
                // A token straight from the endpoint that the server has never accepted: another one
                // from the same client would be refused too. Not a loop: the space records a rejection.
                return ChallengeDecision.Reject(
                    $"the server refused a token just issued by {_endpoint!.Display} for client '{_credential!.UserName}': {Describe(challenge, error)}");
            }

            // It worked before: expired early or revoked. One refresh serves every request that
            // carried it; each of them retries once (RetryReason.Stale).
            _refused = true;
            BearerSchemeLog.TokenRefused(_context.Logger, Space, _generation, error ?? "no error code");
        }

        return Answer(now, RetryReason.Stale);
    }

    /// <inheritdoc />
    public override void OnCompleted(AuthLease lease, LeaseOutcome outcome)
    {
        // A response that got past authentication proves the token. Not a 407 (the proxy answered,
        // the origin never saw it) and not a 5xx (a gateway may answer before the token is checked).
        if (lease is BearerLease bearer && bearer.State == this && bearer.Generation == _generation && _lease is not null
            && outcome.Answered && outcome.StatusCode != 407 && outcome.StatusCode < 500)
        {
            _proven = true;
            _lease = _lease.AsProven();
        }
    }

    /// <summary>Makes sure a token is there or on its way; starts at most one token request.</summary>
    private Availability EnsureToken(TimeSpan now, string why)
    {
        if (_lease is not null && !_refused && (_expiresAt is null || now < _expiresAt))
        {
            if (_refreshAt <= now && !_refreshing && now >= _retryAt)
            {
                StartRefresh(now, "the token expires soon");
            }

            return Availability.Ready;
        }

        if (_refreshing)
        {
            return Availability.Pending;
        }

        if (IsStatic || _clientAuthentication is null || now < _retryAt)
        {
            return Availability.Unavailable;
        }

        StartRefresh(now, _lease is null ? why : _refused ? "the server refused the token" : "the token expired");
        return Availability.Pending;
    }

    private ChallengeDecision Answer(TimeSpan now, RetryReason reason) => EnsureToken(now, "the server asked for one") switch
    {
        Availability.Ready => ChallengeDecision.Retry(_lease!, reason),
        Availability.Pending => ChallengeDecision.Wait,
        _ => ChallengeDecision.GiveUp(Unavailable(now)),
    };

    private string Unavailable(TimeSpan now)
    {
        if (_lastError is null)
        {
            return $"no Bearer token for {_context.Key}";
        }

        TimeSpan wait = _retryAt - now;
        return wait > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"no Bearer token for {_context.Key}: {_lastError}; the next token request is allowed in {wait.TotalSeconds:0.###} s")
            : $"no Bearer token for {_context.Key}: {_lastError}";
    }

    private void StartRefresh(TimeSpan now, string why)
    {
        _refreshing = true;
        long attempt = ++_attempt;
        string clientAuthentication = _clientAuthentication!;
        Credential client = _credential!;
        TokenEndpointClient endpoint = _endpoint!;
        BearerSchemeLog.TokenRequested(_context.Logger, Space, endpoint.Display, why);
        // In a fleet that shares tokens, the space's owner hands out the fleet's token, or lets
        // this node fetch one for everyone; the credential never leaves this node.
        IFleetTokens? fleet = _context.FleetTokens;
        string? refused = _refused ? _token : null;
        SpaceKey key = _context.Key;
        TimeSpan minRemaining = _options.RefreshSkew;
        Func<CancellationToken, Task<TokenEndpointResult>> request = fleet is null
            ? ct => endpoint.RequestAsync(clientAuthentication, client, ct)
            : ct => fleet.GetAsync(key, refused, minRemaining, fetch => endpoint.RequestAsync(clientAuthentication, client, fetch), ct);
        _context.Run(
            request,
            result => OnTokenResult(attempt, now, result),
            e => OnTokenResult(attempt, now, TokenEndpointResult.Failure(
                $"the token request to {endpoint.Display} failed: {e.GetType().Name}: {TokenEndpointResult.Quote(e.Message, TokenEndpointResult.SecretForms(client))}")));
    }

    /// <summary>The token request ended (on the actor). The actor then offers waiting requests again.</summary>
    private void OnTokenResult(long attempt, TimeSpan startedAt, TokenEndpointResult result)
    {
        if (attempt != _attempt)
        {
            return; // started under a credential that has been replaced since
        }

        _refreshing = false;
        if (!result.IsSuccess)
        {
            // Exponential backoff on the space's clock, capped; a request after it tries again.
            _failures++;
            double factor = Math.Pow(2, Math.Min(_failures - 1, 30));
            var backoff = TimeSpan.FromTicks((long)Math.Min(_options.MinBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
            _retryAt = Now + backoff;
            _lastError = result.Error;
            BearerSchemeLog.TokenRequestFailed(_context.Logger, Space, result.Error!, backoff);
            return;
        }

        _failures = 0;
        _retryAt = TimeSpan.Zero;
        _lastError = null;

        // The lifetime counts from when the request left, not from when the answer arrived: the
        // server's clock started no later than that.
        AdoptToken(result.AccessToken!, result.ExpiresIn, startedAt, wantsCompletion: true);
        BearerSchemeLog.TokenObtained(_context.Logger, Space, _generation, result.ExpiresIn?.ToString() ?? "unknown (no expires_in)");
    }

    private void AdoptToken(string token, TimeSpan? lifetime, TimeSpan startedAt, bool wantsCompletion)
    {
        _generation++;
        _token = token;
        _lease = new BearerLease(this, "Bearer " + token, _generation, wantsCompletion);
        _proven = false;
        _refused = false;
        _expiresAt = startedAt + lifetime;
        _refreshAt = lifetime is { } l ? startedAt + l - Min(_options.RefreshSkew, l / 2) : null;
    }

    private void DropToken()
    {
        _generation++;
        _lease = null;
        _token = null;
        _expiresAt = null;
        _refreshAt = null;
        _proven = false;
        _refused = false;
    }

    private void Unusable(string reason)
    {
        _credentialError = $"no Bearer token for {_context.Key}: {reason}";
        BearerSchemeLog.CredentialUnusable(_context.Logger, Space, reason);
    }

    /// <summary>A challenge's error for a message (RFC 6750 §3: error, error_description, scope).</summary>
    private static string Describe(AuthChallenge challenge, string? error)
    {
        string text = error ?? "a challenge without an error code";
        if (challenge.GetParameter("error_description") is { } description)
        {
            text += $" ({TokenEndpointResult.Quote(description, (string?)null)})";
        }

        if (challenge.GetParameter("scope") is { } scope)
        {
            text += $", scope needed: \"{TokenEndpointResult.Quote(scope, (string?)null)}\"";
        }

        return text;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private enum Availability
    {
        /// <summary>A usable token is there.</summary>
        Ready,

        /// <summary>A token request is in flight: wait for it.</summary>
        Pending,

        /// <summary>No token and none coming (backing off, or nothing to ask with).</summary>
        Unavailable,
    }
}
