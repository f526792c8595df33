using System.Text;

namespace AuthActors.Host.Server;

/// <summary>Small pieces of HTTP field syntax the server writes and checks (the client options check tokens with it too).</summary>
internal static class HeaderText
{
    /// <summary>
    /// A quoted-string (RFC 9110 §5.6.4): the value in double quotes, with <c>"</c> and <c>\</c>
    /// escaped by a backslash.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAny('"', '\\') < 0)
        {
            return string.Concat("\"", value, "\"");
        }

        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }
}
