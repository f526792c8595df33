using System.Text;

namespace AuthActors.Credentials;

/// <summary>
/// Reads the netrc format as curl 7.84+ does (lib/netrc.c), with the choices documented on
/// <see cref="NetrcCredentialSource.Parse"/>. Errors name the line and never quote a token.
/// </summary>
internal sealed class NetrcParser
{
    private readonly string[] _lines;
    private readonly string _fileName;
    private readonly List<NetrcEntry> _entries = [];
    private readonly List<NetrcEntry> _ignored = [];
    private readonly List<NetrcNotice> _notices = [];
    private NetrcEntry? _default;
    private EntryBuilder? _current;
    private int _lineIndex;
    private int _column;

    private NetrcParser(string text, string fileName)
    {
        // A byte-order mark is not a token.
        _lines = (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text).Split('\n');
        _fileName = fileName;
    }

    public static NetrcFile Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var parser = new NetrcParser(text, fileName);
        parser.Run();
        return new NetrcFile(fileName, parser._entries.AsReadOnly(), parser._default, parser._ignored.AsReadOnly(), parser._notices.AsReadOnly());
    }

    private void Run()
    {
        while (NextToken() is { } token)
        {
            // Keywords are case-insensitive, as curl compares them with strcasecompare.
            switch (token.Text.ToUpperInvariant())
            {
                case "MACHINE":
                    Finish();
                    _current = new EntryBuilder(RequireValue(token, "a host name").Text, token.Line);
                    break;

                case "DEFAULT":
                    Finish();
                    _current = new EntryBuilder(null, token.Line);
                    break;

                case "LOGIN":
                    RequireEntry(token).Login = RequireValue(token, "a value").Text;
                    break;

                case "PASSWORD":
                    RequireEntry(token).Password = RequireValue(token, "a value").Text;
                    break;

                case "ACCOUNT":
                    RequireEntry(token).Account = RequireValue(token, "a value").Text;
                    break;

                case "MACDEF":
                    Finish();
                    Token name = RequireValue(token, "a macro name");
                    SkipMacroBody(name.Line);
                    break;

                default:
                    // curl skips tokens it does not know; so do we, but say where (not what: an
                    // unquoted password with a space in it would show up here).
                    _notices.Add(new NetrcNotice(token.Line, "unknown token ignored"));
                    break;
            }
        }

        Finish();
    }

    private EntryBuilder RequireEntry(Token keyword) =>
        _current ?? throw Error(keyword.Line, $"'{keyword.Text.ToLowerInvariant()}' must follow 'machine' or 'default'");

    private Token RequireValue(Token keyword, string what) =>
        NextToken() ?? throw Error(keyword.Line, $"'{keyword.Text.ToLowerInvariant()}' needs {what}, but the file ends");

    private void Finish()
    {
        if (_current is null)
        {
            return;
        }

        NetrcEntry entry = _current.Build();
        _current = null;
        if (_default is not null)
        {
            _ignored.Add(entry);
            _notices.Add(new NetrcNotice(entry.Line, "entry after 'default' is ignored ('default' must be the last entry, and curl stops there)"));
        }
        else if (entry.IsDefault)
        {
            _default = entry;
        }
        else
        {
            _entries.Add(entry);
        }
    }

    /// <summary>
    /// Skips a macro: the rest of the line holding its name, then every line up to and including
    /// the next empty one (curl: a line whose first character is a line break).
    /// </summary>
    private void SkipMacroBody(int nameLine)
    {
        _lineIndex = nameLine; // 1-based line of the name == 0-based index of the line after it
        while (_lineIndex < _lines.Length && _lines[_lineIndex].TrimEnd('\r').Length != 0)
        {
            _lineIndex++;
        }

        _column = 0;
    }

    private Token? NextToken()
    {
        while (_lineIndex < _lines.Length)
        {
            string line = _lines[_lineIndex];
            while (_column < line.Length && IsBlank(line[_column]))
            {
                _column++;
            }

            // '#' starts a comment only at the start of a token, as in curl; inside a token
            // ("pass#word") it is an ordinary character.
            if (_column >= line.Length || line[_column] == '#')
            {
                _lineIndex++;
                _column = 0;
                continue;
            }

            int lineNumber = _lineIndex + 1;
            if (line[_column] == '"')
            {
                return new Token(ReadQuoted(line, lineNumber), lineNumber);
            }

            int start = _column;
            while (_column < line.Length && !IsBlank(line[_column]))
            {
                _column++;
            }

            return new Token(line[start.._column], lineNumber);
        }

        return null;
    }

    /// <summary>
    /// A quoted token (curl 7.84+): <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> are
    /// escapes, any other escaped character stands for itself; it ends on the same line.
    /// </summary>
    private string ReadQuoted(string line, int lineNumber)
    {
        var value = new StringBuilder();
        _column++; // the opening quote
        while (_column < line.Length)
        {
            char c = line[_column++];
            if (c == '"')
            {
                if (_column < line.Length && !IsBlank(line[_column]))
                {
                    throw Error(lineNumber, "a quoted token must be followed by white space");
                }

                return value.ToString();
            }

            if (c == '\\')
            {
                if (_column >= line.Length)
                {
                    break;
                }

                c = line[_column++] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    char other => other,
                };
            }

            value.Append(c);
        }

        throw Error(lineNumber, "unterminated quoted token (a quoted token must end on the line it starts)");
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\v' or '\f';

    private NetrcFormatException Error(int line, string message) => new(_fileName, line, message);

    private readonly record struct Token(string Text, int Line);

    private sealed class EntryBuilder(string? machine, int line)
    {
        public string? Login { get; set; }

        public string? Password { get; set; }

        public string? Account { get; set; }

        public NetrcEntry Build() => new(machine, Login, Password, Account) { Line = line };
    }
}
