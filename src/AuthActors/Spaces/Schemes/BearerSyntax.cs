namespace AuthActors.Spaces.Schemes;

/// <summary>The grammar of RFC 6750 that a client must check before a token goes on the wire.</summary>
internal static class BearerSyntax
{
    /// <summary>
    /// RFC 6750 §2.1: <c>b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="</c>.
    /// A token outside it cannot be sent in Authorization (and a CR or LF in it would split the header).
    /// </summary>
    public static bool IsB64Token(string value)
    {
        int i = 0;
        while (i < value.Length && IsB64Char(value[i]))
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

    private static bool IsB64Char(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/';
}
