using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Host.Server;

public sealed partial class DigestServer
{
    /// <summary>
    /// Basic auth (RFC 7617) on the Basic path: 200 for a known user and the right password,
    /// else 401 (407 through the proxy) with a Basic challenge carrying charset="UTF-8".
    /// </summary>
    private Task HandleBasicAsync(HttpContext context, bool proxy)
    {
        StringValues fields = proxy ? context.Request.Headers.ProxyAuthorization : context.Request.Headers.Authorization;
        if (fields.Count == 0 || !HasScheme(fields[0], "Basic"))
        {
            return BasicChallengeAsync(context, proxy, "challenge");
        }

        if (fields.Count == 1
            && BasicAuthentication.TryParse(fields[0], utf8: true, out string? userId, out string? password)
            && _basicPasswords.TryGetValue(userId, out byte[]? expected)
            && PasswordEquals(password, expected))
        {
            Stats.AddBasicOk();
            return WriteOkAsync(context, "basic-ok");
        }

        Stats.AddBadCredentials();
        return BasicChallengeAsync(context, proxy, "bad-basic");
    }

    private static bool PasswordEquals(string password, byte[] expected)
    {
        // Constant time in the content; only the length can differ in timing.
        byte[] actual = Encoding.UTF8.GetBytes(password);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private Task BasicChallengeAsync(HttpContext context, bool proxy, string outcome)
    {
        Stats.AddChallenge();
        if (proxy)
        {
            context.Response.Headers.ProxyAuthenticate = _basicChallenge;
            return WriteStatusAsync(context, StatusCodes.Status407ProxyAuthenticationRequired, outcome);
        }

        context.Response.Headers.WWWAuthenticate = _basicChallenge;
        return WriteStatusAsync(context, StatusCodes.Status401Unauthorized, outcome);
    }
}
