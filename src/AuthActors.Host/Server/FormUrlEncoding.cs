using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AuthActors.Host.Server;

/// <summary>
/// application/x-www-form-urlencoded as RFC 6749 Appendix B uses it: for the token request's body
/// (§4.4.2) and for the client id and secret inside HTTP Basic (§2.3.1). '+' is a space, %XX a
/// byte, and the bytes are UTF-8.
/// </summary>
internal static class FormUrlEncoding
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes one encoded name or value; false for a stray '%' or bytes that are not UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out string? decoded)
    {
        decoded = null;
        byte[] bytes = new byte[encoded.Length];
        int length = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            byte b = encoded[i];
            if (b == (byte)'+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length)
                {
                    return false;
                }

                int high = HexValue(encoded[i + 1]);
                int low = HexValue(encoded[i + 2]);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                bytes[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        try
        {
            decoded = s_strictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the caller answers invalid_request (or invalid_client for Basic).
            return false;
        }
    }

    /// <summary>Decodes one encoded name or value given as text (from an HTTP Basic credential).</summary>
    public static bool TryDecode(string encoded, [NotNullWhen(true)] out string? decoded) =>
        TryDecode(Encoding.UTF8.GetBytes(encoded), out decoded);

    /// <summary>
    /// Splits a form body into its parameters. False, with a reason fit for an
    /// <c>error_description</c>, when a pair does not decode or a name repeats (RFC 6749 §3.2:
    /// parameters must not be included more than once).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out Dictionary<string, string> form, [NotNullWhen(false)] out string? problem)
    {
        form = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        while (!body.IsEmpty)
        {
            int amp = body.IndexOf((byte)'&');
            ReadOnlySpan<byte> pair = amp < 0 ? body : body[..amp];
            body = amp < 0 ? ReadOnlySpan<byte>.Empty : body[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            int equals = pair.IndexOf((byte)'=');
            ReadOnlySpan<byte> name = equals < 0 ? pair : pair[..equals];
            ReadOnlySpan<byte> value = equals < 0 ? ReadOnlySpan<byte>.Empty : pair[(equals + 1)..];
            if (!TryDecode(name, out string? decodedName) || !TryDecode(value, out string? decodedValue))
            {
                problem = "the body is not application/x-www-form-urlencoded UTF-8";
                return false;
            }

            if (!form.TryAdd(decodedName, decodedValue))
            {
                problem = "a parameter is repeated";
                return false;
            }
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
