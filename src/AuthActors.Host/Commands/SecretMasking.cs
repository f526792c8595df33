using System.Text.RegularExpressions;

namespace AuthActors.Host.Commands;

/// <summary>
/// What the host never prints in clear: values of keys named like a secret, passwords in URL
/// user-info, and credentials in Authorization headers (README, Security).
/// </summary>
internal static partial class SecretMasking
{
    /// <summary>What a masked value is printed as.</summary>
    public const string Mask = "****";

    private static readonly string[] s_secretWords = ["password", "secret", "token"];

    /// <summary>Whether a configuration key (its last segment) names a secret: password, secret or token, alone or at the end (<c>proxy-password</c>, <c>api_token</c>).</summary>
    public static bool IsSecretKey(string key)
    {
        int colon = key.LastIndexOf(':');
        string name = colon < 0 ? key : key[(colon + 1)..];
        return s_secretWords.Any(w => name.EndsWith(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A configuration value as it may be printed: masked under a secret key, with any URL user-info password masked otherwise.</summary>
    public static string? MaskValue(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsSecretKey(key))
        {
            return value.Length == 0 ? value : Mask;
        }

        return MaskUserInfo(value);
    }

    /// <summary>Replaces the password of <c>scheme://user:password@host</c> with <see cref="Mask"/>; other text unchanged.</summary>
    public static string MaskUserInfo(string text) => UserInfoPassword().Replace(text, m => m.Groups[1].Value + Mask + "@");

    /// <summary>
    /// An Authorization or Proxy-Authorization value as <c>--verbose</c> shows it: Basic's
    /// credential masked entirely; Digest with its parameters but <c>response</c> masked (the
    /// password never travels, but the response proves knowledge of it); any other scheme masked.
    /// </summary>
    public static string MaskAuthorization(string value)
    {
        string trimmed = value.TrimStart();
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        string scheme = space < 0 ? trimmed : trimmed[..space];
        if (scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            string masked = DigestResponse().Replace(trimmed, m => m.Groups[1].Value + "\"" + Mask + "\"");
            return masked == trimmed && !trimmed.Contains("response", StringComparison.OrdinalIgnoreCase)
                ? scheme + " " + Mask
                : masked;
        }

        return scheme + " " + Mask;
    }

    /// <summary>Whether a header carries credentials (masked by <see cref="MaskAuthorization"/>).</summary>
    public static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    // user-info with a colon: everything from the colon to the '@' is the password.
    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/:@\s]*:)[^/@\s]*@")]
    private static partial Regex UserInfoPassword();

    // response="..." or response=token, case-insensitive, at a parameter boundary.
    [GeneratedRegex(@"((?:^|[\s,])response\s*=\s*)(?:""(?:[^""\\]|\\.)*""|[^\s,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DigestResponse();
}
