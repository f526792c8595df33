using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// The Basic scheme (RFC 7617): <c>"Basic" SP base64(user-id ":" password)</c>.
/// </summary>
/// <remarks>
/// With <c>charset="UTF-8"</c> (RFC 7617 §2.1) both strings are normalized to NFC and encoded as
/// UTF-8; otherwise they are encoded as ISO-8859-1, what most servers without the parameter
/// expect, and anything outside it is refused rather than silently mangled.
/// </remarks>
internal static class BasicAuthentication
{
    private const string SchemeName = "Basic";

    /// <summary>The token68: base64 of <c>user-id ":" password</c>.</summary>
    /// <param name="userId">The user-id; must not contain ':' or control characters (RFC 7617 §2).</param>
    /// <param name="password">The password; must not contain control characters. Never appears in an exception.</param>
    /// <param name="utf8">The server sent charset="UTF-8": NFC + UTF-8; otherwise ISO-8859-1.</param>
    /// <exception cref="ArgumentException">The user-id has ':', either has a control character, or (ISO-8859-1) a character outside it.</exception>
    public static string CreateParameter(string userId, string password, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(password);
        if (userId.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user-id must not contain ':' (RFC 7617 §2).", nameof(userId));
        }

        if (HasControlCharacter(userId))
        {
            throw new ArgumentException("The Basic user-id contains a control character, which RFC 7617 §2 forbids.", nameof(userId));
        }

        if (HasControlCharacter(password))
        {
            throw new ArgumentException($"The Basic password for user-id '{userId}' contains a control character, which RFC 7617 §2 forbids.", nameof(password));
        }

        if (utf8)
        {
            userId = userId.Normalize(NormalizationForm.FormC);
            password = password.Normalize(NormalizationForm.FormC);
        }
        else if (!IsLatin1(userId) || !IsLatin1(password))
        {
            throw new ArgumentException(
                $"The Basic credentials for user-id '{userId}' contain characters outside ISO-8859-1, and the server did not offer charset=\"UTF-8\" (RFC 7617 §2.1).",
                nameof(userId));
        }

        Encoding encoding = utf8 ? Encoding.UTF8 : Encoding.Latin1;
        int max = encoding.GetMaxByteCount(userId.Length + 1 + password.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(max);
        int length = 0;
        try
        {
            length += encoding.GetBytes(userId, buffer);
            buffer[length++] = (byte)':';
            length += encoding.GetBytes(password, buffer.AsSpan(length));
            return Convert.ToBase64String(buffer, 0, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The whole header value: <c>"Basic " + CreateParameter(...)</c>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="CreateParameter"/>.</exception>
    public static string CreateHeaderValue(string userId, string password, bool utf8) =>
        SchemeName + " " + CreateParameter(userId, password, utf8);

    /// <summary>
    /// Server side: reads <c>Basic &lt;base64&gt;</c>. False for another scheme, bad base64, no ':',
    /// invalid UTF-8 (when <paramref name="utf8"/>) or control characters. Never throws on bad input.
    /// </summary>
    public static bool TryParse(string? fieldValue, bool utf8, [NotNullWhen(true)] out string? userId, [NotNullWhen(true)] out string? password)
    {
        userId = null;
        password = null;
        if (fieldValue is null || fieldValue.Length > ChallengeParser.MaxFieldLength)
        {
            return false;
        }

        ReadOnlySpan<char> value = fieldValue.AsSpan().Trim(" \t");
        if (value.Length <= SchemeName.Length
            || !value[..SchemeName.Length].Equals(SchemeName, StringComparison.OrdinalIgnoreCase)
            || !HttpSyntax.IsWhitespace(value[SchemeName.Length]))
        {
            return false;
        }

        ReadOnlySpan<char> token = value[SchemeName.Length..].TrimStart(" \t");
        if (!HttpSyntax.IsToken68(token))
        {
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent((token.Length * 3 / 4) + 3);
        int length = 0;
        try
        {
            if (!Convert.TryFromBase64Chars(token, buffer, out length))
            {
                return false;
            }

            ReadOnlySpan<byte> bytes = buffer.AsSpan(0, length);
            if (utf8 && !System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return false;
            }

            string decoded = (utf8 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);
            int colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || HasControlCharacter(decoded))
            {
                return false;
            }

            userId = decoded[..colon];
            password = decoded[(colon + 1)..];
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>CTL = %x00-1F / %x7F; C1 controls (U+0080-U+009F) count too.</summary>
    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLatin1(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (c > 0xFF)
            {
                return false;
            }
        }

        return true;
    }
}
