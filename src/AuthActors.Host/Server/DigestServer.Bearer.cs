using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Host.Server;

public sealed partial class DigestServer
{
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// A request to the Bearer path (RFC 6750 §2.1, §3): 200 for a token this server issued that
    /// is still good; 401 with a bare challenge when no Bearer credentials came (§3.1: no error
    /// code then); 401 <c>error="invalid_token"</c> for a token that is unknown, expired or revoked;
    /// 400 <c>error="invalid_request"</c> for a malformed or repeated Authorization field.
    /// </summary>
    private Task HandleBearerAsync(HttpContext context)
    {
        StringValues fields = context.Request.Headers.Authorization;
        if (fields.Count == 0 || !IsScheme(fields[0], BearerScheme))
        {
            // No credentials, or another scheme's: the client has not tried Bearer yet.
            return BearerChallengeAsync(context, _bearerChallenge, StatusCodes.Status401Unauthorized, "bearer-challenge");
        }

        ReadOnlySpan<char> token = fields[0].AsSpan(BearerScheme.Length).Trim(' ');
        if (fields.Count > 1 || !AuthActors.Spaces.Schemes.BearerScheme.IsValidToken(token))
        {
            Stats.AddBadCredentials();
            return BearerChallengeAsync(context, _bearerInvalidRequest, StatusCodes.Status400BadRequest, "bearer-malformed");
        }

        TokenCheck check = _tokens.Check(token);
        if (check == TokenCheck.Valid)
        {
            Stats.AddBearerOk();
            return WriteOkAsync(context, "bearer-ok");
        }

        Stats.AddInvalidToken();
        string outcome = check switch
        {
            TokenCheck.Expired => "token-expired",
            TokenCheck.Revoked => "token-revoked",
            _ => "token-unknown",
        };
        return BearerChallengeAsync(context, _bearerInvalidToken, StatusCodes.Status401Unauthorized, outcome);
    }

    private Task BearerChallengeAsync(HttpContext context, string challenge, int status, string outcome)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            Stats.AddChallenge();
        }

        // RFC 6750 §3: every refusal carries the challenge, with the error code once a token was sent.
        context.Response.Headers.WWWAuthenticate = challenge;
        return WriteStatusAsync(context, status, outcome);
    }

    /// <summary>Whether a field's auth-scheme (up to the first space, or all of it) is <paramref name="scheme"/>, in any case (RFC 9110 §11.1).</summary>
    private static bool IsScheme(string? field, string scheme)
    {
        if (field is null || !field.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return field.Length == scheme.Length || field[scheme.Length] == ' ';
    }
}
