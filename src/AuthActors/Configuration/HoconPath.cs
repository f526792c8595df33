using System.Text;

namespace AuthActors.Configuration;

/// <summary>Path expressions: keys like <c>a.b."c.d"</c> and the inside of <c>${...}</c>.</summary>
internal static class HoconPath
{
    /// <summary>
    /// HOCON.md "Path expressions": the tokens are concatenated like a value (inner whitespace
    /// kept); '.' outside quotes separates elements, also the '.' inside a number as written
    /// (<c>10.0foo</c> is <c>10</c>, <c>0foo</c>). An empty element must be quoted: <c>a..b</c>,
    /// <c>.a</c> and <c>a.</c> are errors.
    /// </summary>
    public static string[] FromTokens(IReadOnlyList<HoconToken> tokens, string fileName, int line, int column, string what)
    {
        int first = 0;
        int last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == HoconTokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == HoconTokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            throw new HoconParseException(fileName, line, column, $"empty path in {what}");
        }

        // The common key: one unquoted word without dots.
        if (first == last && tokens[first].Kind == HoconTokenKind.Unquoted && !tokens[first].Text.Contains('.', StringComparison.Ordinal))
        {
            return [tokens[first].Text];
        }

        var elements = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = first; i <= last; i++)
        {
            HoconToken token = tokens[i];
            if (token.Kind is HoconTokenKind.QuotedString or HoconTokenKind.TripleQuotedString)
            {
                current.Append(token.Text);
                quoted = true;
                continue;
            }

            foreach (char c in token.Text)
            {
                if (c == '.' && token.Kind != HoconTokenKind.Whitespace)
                {
                    EndElement();
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        EndElement();
        return [.. elements];

        void EndElement()
        {
            if (current.Length == 0 && !quoted)
            {
                throw new HoconParseException(fileName, line, column,
                    $"invalid path '{Raw(tokens, first, last)}' in {what}: a path element is empty (a path may not start or end with '.' or contain '..'; quote an empty key as \"\")");
            }

            elements.Add(current.ToString());
            current.Clear();
            quoted = false;
        }
    }

    /// <summary>Writes a path back as HOCON, quoting elements that would not read back as one element.</summary>
    public static string Render(IReadOnlyList<string> path)
    {
        if (path.Count == 1 && !NeedsQuotes(path[0]))
        {
            return path[0];
        }

        var sb = new StringBuilder();
        for (int i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            string element = path[i];
            if (NeedsQuotes(element))
            {
                sb.Append('"');
                foreach (char c in element)
                {
                    if (c is '"' or '\\')
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                }

                sb.Append('"');
            }
            else
            {
                sb.Append(element);
            }
        }

        return sb.ToString();
    }

    /// <summary>Joins already-split elements with a prefix, for include fix-ups and absolute field paths.</summary>
    public static string[] Concat(string[] prefix, string[] path)
    {
        if (prefix.Length == 0)
        {
            return path;
        }

        var result = new string[prefix.Length + path.Length];
        prefix.CopyTo(result, 0);
        path.CopyTo(result, prefix.Length);
        return result;
    }

    public static bool StartsWith(string[] path, string[] prefix)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsQuotes(string element)
    {
        if (element.Length == 0)
        {
            return true;
        }

        foreach (char c in element)
        {
            if (c == '.' || HoconTokenizer.IsForbidden(c) || HoconTokenizer.IsWhitespace(c) || c < ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static string Raw(IReadOnlyList<HoconToken> tokens, int first, int last)
    {
        var sb = new StringBuilder();
        for (int i = first; i <= last; i++)
        {
            HoconToken token = tokens[i];
            if (token.Kind is HoconTokenKind.QuotedString or HoconTokenKind.TripleQuotedString)
            {
                sb.Append('"').Append(token.Text).Append('"');
            }
            else
            {
                sb.Append(token.Text);
            }
        }

        return sb.ToString();
    }
}
