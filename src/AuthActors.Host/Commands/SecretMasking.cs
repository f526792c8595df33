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

    // What a credential entry may show; anything else in one is masked: account (a password, by
    // netrc(5)), and a misspelt key (pasword = ...) whose value is most likely the secret.
    private static readonly string[] s_entryPlainKeys = ["origin", "realm", "proxy", "username", "schemes", "deny"];

    /// <summary>Whether a configuration key names a secret: its last segment is password, secret or
    /// token, alone or at the end (<c>proxy-password</c>, <c>api_token</c>), or it is any key of a
    /// credential entry but origin, realm, proxy, username, schemes and deny.</summary>
    public static bool IsSecretKey(string key)
    {
        int colon = key.LastIndexOf(':');
        string name = colon < 0 ? key : key[(colon + 1)..];
        if (key.Contains("credentials:entries:", StringComparison.OrdinalIgnoreCase) && colon > 0)
        {
            return !s_entryPlainKeys.Contains(name, StringComparer.OrdinalIgnoreCase);
        }

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

    /// <summary>Replaces the password of <c>scheme://user:password@host</c>, and a bare token
    /// (<c>scheme://token@host</c>), with <see cref="Mask"/>; other text unchanged.</summary>
    public static string MaskUserInfo(string text) =>
        UserInfoToken().Replace(UserInfoPassword().Replace(text, m => m.Groups[1].Value + Mask + "@"), m => m.Groups[1].Value + Mask + "@");

    /// <summary>
    /// A URL as the user gave it (a crawl line, fetch's argument), for an error: everything from
    /// <c>://</c> to the last <c>@</c> is masked, since a password may hold a space, <c>@</c> or
    /// <c>/</c> that a parser would not take for user-info; and it is cut to
    /// <paramref name="maxLength"/> characters.
    /// </summary>
    public static string MaskUrlInput(string input, int maxLength = 200)
    {
        int start = input.IndexOf("://", StringComparison.Ordinal);
        int at = input.LastIndexOf('@');
        string masked = start >= 0 && at > start + 3 ? input[..(start + 3)] + Mask + input[at..] : MaskUserInfo(input);
        return masked.Length <= maxLength ? masked : string.Concat(masked.AsSpan(0, maxLength), $"... ({input.Length:N0} characters)");
    }

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

    // user-info without a colon: a bare token (https://ghp_xxx@host), the secret itself.
    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://)[^/:@\s*]+@")]
    private static partial Regex UserInfoToken();

    // response="..." or response=token, case-insensitive, at a parameter boundary.
    [GeneratedRegex(@"((?:^|[\s,])response\s*=\s*)(?:""(?:[^""\\]|\\.)*""|[^\s,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DigestResponse();
}
