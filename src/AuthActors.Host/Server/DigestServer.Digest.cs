using System.Text;
using AuthActors.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Host.Server;

public sealed partial class DigestServer
{
    private const string AuthenticationInfoHeader = "Authentication-Info";

    // RFC 7615 §4: a proxy sends its Authentication-Info under this name.
    private const string ProxyAuthenticationInfoHeader = "Proxy-Authentication-Info";

    /// <summary>
    /// Digest auth for one request (RFC 7616 §3.4). Checks run cheapest first and the
    /// expensive hash before any nonce state is touched; the nonce is judged only once the
    /// response is known to be right, because stale=true promises the client that its
    /// credentials were good (RFC 7616 §3.3).
    /// </summary>
    private async Task HandleDigestAsync(HttpContext context, DigestRealm realm, string target)
    {
        HttpRequest request = context.Request;
        StringValues fields = realm.IsProxy ? request.Headers.ProxyAuthorization : request.Headers.Authorization;
        if (fields.Count == 0 || !HasScheme(fields[0], "Digest"))
        {
            // No Digest credentials at all: the first challenge, not a failure.
            await ChallengeAsync(context, realm, _nonces.Issue(realm.Index), stale: false, "challenge").ConfigureAwait(false);
            return;
        }

        if (fields.Count > 1 || !DigestCredentials.TryParse(fields[0], out DigestCredentials? credentials, out _))
        {
            await RejectAsync(context, realm, "malformed").ConfigureAwait(false);
            return;
        }

        string? problem = CheckParameters(credentials, realm);
        if (problem is not null)
        {
            await RejectAsync(context, realm, problem).ConfigureAwait(false);
            return;
        }

        if (!RequestTarget.Matches(credentials.Uri, target))
        {
            // RFC 7616 §3.4.6: a uri that does not name the request-target is a bad request.
            Stats.AddBadCredentials();
            await WriteStatusAsync(context, StatusCodes.Status400BadRequest, "uri-mismatch").ConfigureAwait(false);
            return;
        }

        if (!realm.TryFindUser(credentials, credentials.Algorithm, out RealmUser? _, out string? ha1))
        {
            await RejectAsync(context, realm, "unknown-user").ConfigureAwait(false);
            return;
        }

        string? bodyHash = null;
        if (credentials.Qop == DigestQop.AuthInt)
        {
            bodyHash = await HashRequestBodyAsync(context, credentials.Algorithm).ConfigureAwait(false);
        }

        if (!DigestVerifier.Verify(credentials, request.Method, ha1, bodyHash))
        {
            await RejectAsync(context, realm, "bad-response").ConfigureAwait(false);
            return;
        }

        // The response is right. Now the nonce: unknown, for another realm, expired, or (one-time)
        // already used are all stale (RFC 7616 §3.3), answered with one successor shared by every
        // caller who held the old nonce.
        if (!_nonces.TryGet(credentials.Nonce, out NonceState? nonce) || nonce.RealmIndex != realm.Index || !_nonces.IsFresh(nonce))
        {
            NonceState fresh = nonce is not null && nonce.RealmIndex == realm.Index ? _nonces.GetSuccessor(nonce) : _nonces.Issue(realm.Index);
            await ChallengeAsync(context, realm, fresh, stale: true, "stale").ConfigureAwait(false);
            return;
        }

        if (_options.OneTimeNonces)
        {
            if (!_nonces.TryConsume(nonce))
            {
                await ChallengeAsync(context, realm, _nonces.GetSuccessor(nonce), stale: true, "stale-used").ConfigureAwait(false);
                return;
            }
        }
        else if (credentials.Qop != DigestQop.None && _options.NcCheck != NcCheck.None)
        {
            // RFC 7616 §3.4: nc lets the server detect replays. Like Apache, a replay is a plain
            // 401 (no stale): the request is refused, the nonce itself is still good.
            switch (nonce.TryAccept(credentials.Nc, _options.NcCheck))
            {
                case NcOutcome.Replayed:
                    Stats.AddNcReplay();
                    await ChallengeAsync(context, realm, _nonces.Issue(realm.Index), stale: false, "nc-replay").ConfigureAwait(false);
                    return;
                case NcOutcome.OutOfOrder:
                    Stats.AddNcOutOfOrder();
                    await ChallengeAsync(context, realm, _nonces.Issue(realm.Index), stale: false, "nc-out-of-order").ConfigureAwait(false);
                    return;
            }
        }

        Stats.AddSucceeded();
        if (_options.OneTimeNonces || _options.SendNextNonce)
        {
            NonceState next = _options.OneTimeNonces ? _nonces.Issue(realm.Index)
                : _nonces.IsPastHalfLife(nonce) ? _nonces.GetSuccessor(nonce)
                : nonce;
            string rspauth = DigestVerifier.CreateRspAuth(credentials, ha1, bodyHash);
            context.Response.Headers[realm.IsProxy ? ProxyAuthenticationInfoHeader : AuthenticationInfoHeader] =
                FormatAuthenticationInfo(next.Value, credentials, rspauth);
        }

        await WriteOkAsync(context, "ok").ConfigureAwait(false);
    }

    private static bool HasScheme(string? field, string scheme) =>
        field is not null
        && field.Length > scheme.Length
        && field.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
        && field[scheme.Length] == ' ';

    /// <summary>
    /// Authentication-Info (RFC 7616 §3.5): nextnonce, then qop, rspauth, cnonce and nc echoed
    /// from the request so the client can check rspauth.
    /// </summary>
    private static string FormatAuthenticationInfo(string nextNonce, DigestCredentials credentials, string rspauth)
    {
        var builder = new StringBuilder(160);
        builder.Append("nextnonce=\"").Append(nextNonce).Append('"');
        if (credentials.Qop != DigestQop.None)
        {
            builder.Append(", qop=").Append(credentials.Qop == DigestQop.AuthInt ? "auth-int" : "auth");
        }

        builder.Append(", rspauth=\"").Append(rspauth).Append('"');
        if (credentials.Qop != DigestQop.None)
        {
            builder.Append(", cnonce=").Append(HeaderText.Quote(credentials.Cnonce ?? ""));
            builder.Append(", nc=").Append(credentials.NcText);
        }

        return builder.ToString();
    }

    /// <summary>Checks realm, opaque, algorithm and qop against what this realm offered; returns the first problem, or null.</summary>
    private string? CheckParameters(DigestCredentials credentials, DigestRealm realm)
    {
        if (!string.Equals(credentials.Realm, realm.Name, StringComparison.Ordinal))
        {
            return "wrong-realm";
        }

        // The opaque must come back unchanged (RFC 7616 §3.4), for nonces this server issued.
        // A nonce it does not know (from before a restart, with that run's opaque) is judged
        // later: right credentials on it are answered stale=true, not refused.
        if (!string.Equals(credentials.Opaque, realm.Opaque, StringComparison.Ordinal) && _nonces.TryGet(credentials.Nonce, out _))
        {
            return "wrong-opaque";
        }

        if (!realm.Offers(credentials.Algorithm))
        {
            return "wrong-algorithm";
        }

        DigestQop offered = _options.Qop;
        bool qopOk = offered == DigestQop.None
            ? credentials.Qop == DigestQop.None
            : credentials.Qop is DigestQop.Auth or DigestQop.AuthInt && (offered & credentials.Qop) != 0;
        return qopOk ? null : "wrong-qop";
    }

    private async ValueTask<string> HashRequestBodyAsync(HttpContext context, DigestAlgorithm algorithm)
    {
        // A request that cannot have a body (no Content-Length, not chunked) hashes as empty;
        // that hash is computed once at start.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return _emptyBodyHashes[DigestRealm.HashIndex(algorithm)]!;
        }

        return await DigestCalculator.HashBodyAsync(algorithm, context.Request.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Credentials were present but wrong: 401/407 without stale and a fresh nonce.</summary>
    private Task RejectAsync(HttpContext context, DigestRealm realm, string outcome)
    {
        Stats.AddBadCredentials();
        return ChallengeAsync(context, realm, _nonces.Issue(realm.Index), stale: false, outcome);
    }

    private Task ChallengeAsync(HttpContext context, DigestRealm realm, NonceState nonce, bool stale, string outcome)
    {
        Stats.AddChallenge();
        if (stale)
        {
            Stats.AddStaleChallenge();
        }

        // One field per algorithm, strongest first (RFC 7616 §3.7); a proxy uses 407 and
        // Proxy-Authenticate (RFC 9110 §11.7.1).
        HttpResponse response = context.Response;
        int status = realm.IsProxy ? StatusCodes.Status407ProxyAuthenticationRequired : StatusCodes.Status401Unauthorized;
        var challenges = new StringValues(realm.CreateChallenges(nonce.Value, stale));
        if (realm.IsProxy)
        {
            response.Headers.ProxyAuthenticate = challenges;
        }
        else
        {
            response.Headers.WWWAuthenticate = challenges;
        }

        return WriteStatusAsync(context, status, outcome);
    }

    private Task WriteStatusAsync(HttpContext context, int status, string outcome)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        LogRequest(context, status, outcome);
        return Task.CompletedTask;
    }
}
