using System.Buffers;
using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// RFC 8187 ext-value (<c>charset "'" [ language ] "'" value-chars</c>), used for
/// <c>username*</c> (RFC 7616 §3.4.4). We always write UTF-8 and read UTF-8 or ISO-8859-1.
/// </summary>
internal static class Rfc8187
{
    public const string Utf8Prefix = "UTF-8''";

    /// <summary>attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&amp;" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".</summary>
    public static bool IsAttrChar(byte b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a'
        || (uint)(b - '0') <= 9
        || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    /// <summary>Length of <c>UTF-8''</c> plus the percent-encoded UTF-8 of <paramref name="value"/>.</summary>
    public static int EncodedLength(ReadOnlySpan<char> value)
    {
        byte[]? rented = null;
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> bytes = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        int count = Encoding.UTF8.GetBytes(value, bytes);
        int length = Utf8Prefix.Length;
        foreach (byte b in bytes[..count])
        {
            length += IsAttrChar(b) ? 1 : 3;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return length;
    }

    /// <summary>Writes <c>UTF-8''</c> and the percent-encoded value (upper-case hex, as in RFC 8187 §3.2.3's examples).</summary>
    public static int Encode(ReadOnlySpan<char> value, Span<char> destination)
    {
        byte[]? rented = null;
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> bytes = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        int count = Encoding.UTF8.GetBytes(value, bytes);
        Utf8Prefix.AsSpan().CopyTo(destination);
        int n = Utf8Prefix.Length;
        foreach (byte b in bytes[..count])
        {
            if (IsAttrChar(b))
            {
                destination[n++] = (char)b;
            }
            else
            {
                destination[n++] = '%';
                destination[n++] = "0123456789ABCDEF"[b >> 4];
                destination[n++] = "0123456789ABCDEF"[b & 0xF];
            }
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return n;
    }

    /// <summary>Decodes an ext-value. Charsets: UTF-8 and ISO-8859-1 (RFC 8187 §3.2.1); anything else is an error.</summary>
    public static bool TryDecode(string extValue, out string value, out string? error)
    {
        value = string.Empty;
        int first = extValue.IndexOf('\'', StringComparison.Ordinal);
        int second = first < 0 ? -1 : extValue.IndexOf('\'', first + 1);
        if (second < 0)
        {
            error = "is not an RFC 8187 ext-value (expected charset'language'value)";
            return false;
        }

        ReadOnlySpan<char> charset = extValue.AsSpan(0, first);
        bool utf8 = charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase);
        if (!utf8 && !charset.Equals("ISO-8859-1", StringComparison.OrdinalIgnoreCase))
        {
            error = $"uses charset '{charset}'; only UTF-8 and ISO-8859-1 are understood (RFC 8187 §3.2.1)";
            return false;
        }

        ReadOnlySpan<char> encoded = extValue.AsSpan(second + 1);
        byte[] bytes = new byte[encoded.Length];
        int count = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            char c = encoded[i];
            if (c == '%')
            {
                if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
                {
                    error = $"has a broken percent-escape at offset {i} of its value";
                    return false;
                }

                bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else if (c < 0x80 && IsAttrChar((byte)c))
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                error = $"has {HttpSyntax.Describe(c)} at offset {i} of its value, which must be percent-encoded (RFC 8187 §3.2.1)";
                return false;
            }
        }

        if (utf8)
        {
            if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, count)))
            {
                error = "is not valid UTF-8 after percent-decoding";
                return false;
            }

            value = Encoding.UTF8.GetString(bytes, 0, count);
        }
        else
        {
            value = Encoding.Latin1.GetString(bytes, 0, count);
        }

        error = null;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
