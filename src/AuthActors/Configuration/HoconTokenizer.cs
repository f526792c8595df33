using System.Globalization;
using System.Text;

namespace AuthActors.Configuration;

/// <summary>
/// Turns HOCON text into tokens in one pass (HOCON.md, "Syntax"). Comments are dropped, the
/// newline that ends them is kept. Braces and brackets are matched afterwards so the parser can
/// tell in O(1) whether an object literal stands alone or takes part in a concatenation.
/// </summary>
internal sealed class HoconTokenizer
{
    private readonly string _text;
    private readonly string _fileName;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    public static List<HoconToken> Tokenize(string text, string fileName)
    {
        var tokenizer = new HoconTokenizer(text, fileName);
        tokenizer.Run();
        MatchBrackets(tokenizer._tokens);
        return tokenizer._tokens;
    }

    /// <summary>
    /// HOCON.md "Whitespace": Unicode Zs/Zl/Zp, tab, newline, vertical tab, form feed, carriage
    /// return and the file/group/record/unit separators 0x1C-0x1F. A byte order mark is skipped
    /// the same way.
    /// </summary>
    internal static bool IsWhitespace(char c)
    {
        if (c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' || (c >= '\u001C' && c <= '\u001F') || c == '\uFEFF')
        {
            return true;
        }

        if (c < '\u0080')
        {
            return false;
        }

        UnicodeCategory category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>HOCON.md "Unquoted strings": characters that may not appear outside quotes.</summary>
    internal static bool IsForbidden(char c) => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ','
        or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    private void Run()
    {
        while (_pos < _text.Length)
        {
            HoconToken? token = Next(inSubstitution: false);
            if (token is not null)
            {
                _tokens.Add(token);
            }
        }

        _tokens.Add(new HoconToken(HoconTokenKind.End, "", _line, _column));
    }

    /// <summary>Reads one token, or returns null for a comment.</summary>
    private HoconToken? Next(bool inSubstitution)
    {
        char c = _text[_pos];
        int line = _line;
        int column = _column;

        if (c == '\n')
        {
            Advance(1);
            return new HoconToken(HoconTokenKind.Newline, "\n", line, column);
        }

        if (IsWhitespace(c))
        {
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
            {
                Advance(1);
            }

            return new HoconToken(HoconTokenKind.Whitespace, _text[start.._pos], line, column);
        }

        // HOCON.md "Comments": '#' or '//' up to the next newline, outside quoted strings.
        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            if (inSubstitution)
            {
                throw Error(line, column, $"a comment ('{(c == '#' ? "#" : "//")}') may not start inside a substitution; quote the path element");
            }

            while (_pos < _text.Length && _text[_pos] != '\n')
            {
                Advance(1);
            }

            return null;
        }

        switch (c)
        {
            case ',':
                return Single(HoconTokenKind.Comma);
            case ':':
                return Single(HoconTokenKind.Colon);
            case '=':
                return Single(HoconTokenKind.Equals);
            case '{':
                return Single(HoconTokenKind.OpenBrace);
            case '}':
                return Single(HoconTokenKind.CloseBrace);
            case '[':
                return Single(HoconTokenKind.OpenBracket);
            case ']':
                return Single(HoconTokenKind.CloseBracket);
            case '+':
                if (Peek(1) == '=')
                {
                    Advance(2);
                    return new HoconToken(HoconTokenKind.PlusEquals, "+=", line, column);
                }

                throw Error(line, column, "reserved character '+' is not allowed outside quotes (did you mean '+='?)");
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted() : ReadQuoted();
            case '$':
                if (Peek(1) == '{')
                {
                    if (inSubstitution)
                    {
                        throw Error(line, column, "substitutions may not be nested inside a substitution");
                    }

                    return ReadSubstitution();
                }

                throw Error(line, column, "reserved character '$' is not allowed outside quotes; a substitution is written '${path}'");
            default:
                break;
        }

        if (IsForbidden(c))
        {
            throw Error(line, column, $"reserved character '{c}' is not allowed outside quotes");
        }

        if (c == '-' || (c >= '0' && c <= '9'))
        {
            return ReadNumber();
        }

        // HOCON.md "Unquoted strings": true/false/null are recognised only at the start.
        if (StartsWithWord("true"))
        {
            Advance(4);
            return new HoconToken(HoconTokenKind.True, "true", line, column);
        }

        if (StartsWithWord("false"))
        {
            Advance(5);
            return new HoconToken(HoconTokenKind.False, "false", line, column);
        }

        if (StartsWithWord("null"))
        {
            Advance(4);
            return new HoconToken(HoconTokenKind.Null, "null", line, column);
        }

        return ReadUnquoted();
    }

    private HoconToken Single(HoconTokenKind kind)
    {
        string text = kind switch
        {
            HoconTokenKind.Comma => ",",
            HoconTokenKind.Colon => ":",
            HoconTokenKind.Equals => "=",
            HoconTokenKind.OpenBrace => "{",
            HoconTokenKind.CloseBrace => "}",
            HoconTokenKind.OpenBracket => "[",
            _ => "]",
        };
        var token = new HoconToken(kind, text, _line, _column);
        Advance(1);
        return token;
    }

    private bool StartsWithWord(string word) => string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0;

    private HoconToken ReadUnquoted()
    {
        int line = _line;
        int column = _column;
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (IsForbidden(c) || IsWhitespace(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            Advance(1);
        }

        return new HoconToken(HoconTokenKind.Unquoted, _text[start.._pos], line, column);
    }

    /// <summary>
    /// HOCON.md "Unquoted strings": a leading digit or '-' starts a number; the JSON number
    /// characters that follow belong to it. Text that is not a valid JSON number (1.2.3,
    /// 2024-01-01) is kept as unquoted text, which concatenates with what follows.
    /// </summary>
    private HoconToken ReadNumber()
    {
        int line = _line;
        int column = _column;
        int start = _pos;
        while (_pos < _text.Length && _text[_pos] is (>= '0' and <= '9') or '.' or 'e' or 'E' or '+' or '-')
        {
            Advance(1);
        }

        string text = _text[start.._pos];
        if (IsJsonNumber(text))
        {
            return new HoconToken(HoconTokenKind.Number, text, line, column);
        }

        int plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            throw Error(line, column + plus, "reserved character '+' is not allowed outside quotes");
        }

        return new HoconToken(HoconTokenKind.Unquoted, text, line, column);
    }

    /// <summary>RFC 8259 section 6: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(string s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        return i == s.Length;
    }

    /// <summary>HOCON.md "Unchanged from JSON": quoted strings are JSON strings, with JSON escapes.</summary>
    private HoconToken ReadQuoted()
    {
        int line = _line;
        int column = _column;
        Advance(1);
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "unterminated quoted string: expected a closing '\"' before the end of the line");
            }

            char c = _text[_pos];
            if (c == '"')
            {
                Advance(1);
                return new HoconToken(HoconTokenKind.QuotedString, sb.ToString(), line, column);
            }

            if (c == '\\')
            {
                int escLine = _line;
                int escColumn = _column;
                char e = Peek(1);
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 6 > _text.Length || !ushort.TryParse(_text.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                        {
                            throw Error(escLine, escColumn, "invalid escape in quoted string: '\\u' must be followed by four hex digits");
                        }

                        sb.Append((char)code);
                        Advance(4);
                        break;
                    default:
                        throw Error(escLine, escColumn, e == '\0'
                            ? "unterminated quoted string: expected a closing '\"' before the end of the input"
                            : $"invalid escape '\\{Printable(e)}' in quoted string (JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }

                Advance(2);
                continue;
            }

            if (c < ' ')
            {
                throw Error(_line, _column, $"control character U+{(int)c:X4} is not allowed in a quoted string; use an escape such as \\t");
            }

            sb.Append(c);
            Advance(1);
        }
    }

    /// <summary>
    /// HOCON.md "Multi-line strings": everything up to the next run of three or more quotes is
    /// taken as is (no escapes); quotes beyond the last three of that run belong to the string.
    /// </summary>
    private HoconToken ReadTripleQuoted()
    {
        int line = _line;
        int column = _column;
        Advance(3);
        int start = _pos;
        int close = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(line, column, "unterminated triple-quoted string: expected a closing '\"\"\"'");
        }

        int end = close + 3;
        while (end < _text.Length && _text[end] == '"')
        {
            end++;
        }

        string value = _text[start..(end - 3)];
        Advance(end - _pos);
        return new HoconToken(HoconTokenKind.TripleQuotedString, value, line, column);
    }

    /// <summary>
    /// HOCON.md "Substitutions": <c>${path}</c> or <c>${?path}</c> (no space before '?'); the path
    /// is a path expression on one line.
    /// </summary>
    private HoconToken ReadSubstitution()
    {
        int line = _line;
        int column = _column;
        Advance(2);
        bool optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            Advance(1);
        }

        var parts = new List<HoconToken>();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(line, column, "unterminated substitution: expected '}' to close '${' on the same line");
            }

            if (_text[_pos] == '}')
            {
                Advance(1);
                break;
            }

            int partLine = _line;
            int partColumn = _column;
            HoconToken token = Next(inSubstitution: true)!;
            if (token.Kind != HoconTokenKind.Whitespace && !token.IsSimpleValue)
            {
                throw Error(partLine, partColumn, $"expected a path or '}}' in substitution, found {token.Describe()}");
            }

            parts.Add(token);
        }

        string[] path = HoconPath.FromTokens(parts, _fileName, line, column, "substitution");
        return new HoconToken(HoconTokenKind.Substitution, "${" + (optional ? "?" : "") + HoconPath.Render(path) + "}", line, column)
        {
            Path = path,
            Optional = optional,
        };
    }

    private static string Printable(char c) => c < ' ' ? $"U+{(int)c:X4}" : c.ToString();

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance(int count)
    {
        for (int i = 0; i < count && _pos < _text.Length; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private HoconParseException Error(int line, int column, string message) => new(_fileName, line, column, message);

    /// <summary>Records for each '{' and '[' the index of its partner, leaving -1 where there is none.</summary>
    private static void MatchBrackets(List<HoconToken> tokens)
    {
        var open = new Stack<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            HoconTokenKind kind = tokens[i].Kind;
            if (kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket)
            {
                open.Push(i);
            }
            else if (kind is HoconTokenKind.CloseBrace or HoconTokenKind.CloseBracket)
            {
                HoconTokenKind expected = kind == HoconTokenKind.CloseBrace ? HoconTokenKind.OpenBrace : HoconTokenKind.OpenBracket;
                if (open.Count > 0 && tokens[open.Peek()].Kind == expected)
                {
                    tokens[open.Pop()].Match = i;
                }
                else
                {
                    // A mismatch: the parser reports it where it meets it; stop matching.
                    return;
                }
            }
        }
    }
}
