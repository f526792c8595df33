using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// Character classes and quoting from RFC 9110 §5.6 (formerly RFC 7230 §3.2.6), shared by the
/// challenge parser and the header writers.
/// </summary>
internal static class HttpSyntax
{
    /// <summary>tchar = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.</summary>
    public static bool IsTChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a'
        || (uint)(c - '0') <= 9
        || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    /// <summary>token68 body characters (RFC 7235 §2.1), without the trailing '=' padding.</summary>
    public static bool IsToken68Char(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a'
        || (uint)(c - '0') <= 9
        || c is '-' or '.' or '_' or '~' or '+' or '/';

    /// <summary>OWS / BWS / RWS members: SP and HTAB.</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text. Characters above U+00FF are
    /// accepted as obs-text: the header was already decoded to UTF-16 by whoever read it.</summary>
    public static bool IsQdText(char c) =>
        c is '\t' or ' ' or '!' || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E) || c >= 0x80;

    /// <summary>quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ).</summary>
    public static bool IsQuotedPairChar(char c) => c is '\t' or ' ' || (c >= 0x21 && c <= 0x7E) || c >= 0x80;

    /// <summary>
    /// Characters tolerated in an unquoted parameter value. RFC 7235 allows only a token there, but
    /// deployed servers send bare base64 nonces and URLs (with '/', '=' and ':'), so any visible
    /// character except the list and quoting delimiters is kept rather than failing the challenge.
    /// </summary>
    public static bool IsLenientValueChar(char c) => c > 0x20 && c < 0x7F ? c is not (',' or '"' or '\\') : c >= 0x80;

    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!IsTChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".</summary>
    public static bool IsToken68(ReadOnlySpan<char> value)
    {
        int i = 0;
        while (i < value.Length && IsToken68Char(value[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < value.Length && value[i] == '=')
        {
            i++;
        }

        return i == value.Length;
    }

    /// <summary>Characters that can go between quotes (directly or as a quoted-pair).</summary>
    public static bool IsQuotable(char c) => IsQuotedPairChar(c);

    /// <summary>Length of <paramref name="value"/> written as a quoted-string, quotes included.</summary>
    public static int QuotedLength(ReadOnlySpan<char> value)
    {
        int length = value.Length + 2;
        if (value.IndexOfAny('"', '\\') < 0)
        {
            return length;
        }

        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> as a quoted-string: '"' and '\' become quoted-pairs.</summary>
    public static int WriteQuoted(ReadOnlySpan<char> value, Span<char> destination)
    {
        int n = 0;
        destination[n++] = '"';
        if (value.IndexOfAny('"', '\\') < 0)
        {
            value.CopyTo(destination[1..]);
            destination[value.Length + 1] = '"';
            return value.Length + 2;
        }

        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                destination[n++] = '\\';
            }

            destination[n++] = c;
        }

        destination[n++] = '"';
        return n;
    }

    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    /// <summary>Appends a value as a token when it is one, else as a quoted-string.</summary>
    public static void AppendTokenOrQuoted(StringBuilder builder, string value)
    {
        if (IsToken(value))
        {
            builder.Append(value);
        }
        else
        {
            AppendQuoted(builder, value);
        }
    }

    /// <summary>How an offending character is shown in an error: printable ASCII quoted, the rest as U+XXXX.</summary>
    public static string Describe(char c) =>
        c > 0x20 && c < 0x7F ? $"'{c}'" : $"U+{(int)c:X4}";
}
