using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>
/// The sample's wire format, shared by client and test server:
/// <c>Authorization: Hmac keyId="…", ts="…", signature="…"</c>, where <c>signature</c> is
/// base64(HMAC-SHA256(secret, method "\n" request-target "\n" ts)) and <c>ts</c> is Unix seconds.
/// Signing the request-target (RFC 9112 §3.2) binds the header to one resource; the timestamp lets
/// the server refuse replays older than its window.
/// </summary>
public static class HmacSigner
{
    /// <summary>The auth-scheme token, in challenges and in Authorization.</summary>
    public const string SchemeName = "Hmac";

    /// <summary>The text that is signed.</summary>
    public static string StringToSign(string method, string requestTarget, long unixSeconds) =>
        $"{method}\n{requestTarget}\n{unixSeconds.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>base64(HMAC-SHA256(<paramref name="key"/>, <paramref name="stringToSign"/>)).</summary>
    public static string Sign(ReadOnlySpan<byte> key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>The whole Authorization value. <paramref name="keyId"/> must be quotable (checked by the state).</summary>
    public static string CreateHeaderValue(string keyId, ReadOnlySpan<byte> key, string method, string requestTarget, long unixSeconds) =>
        $"{SchemeName} keyId=\"{keyId}\", ts=\"{unixSeconds.ToString(CultureInfo.InvariantCulture)}\", signature=\"{Sign(key, StringToSign(method, requestTarget, unixSeconds))}\"";
}
