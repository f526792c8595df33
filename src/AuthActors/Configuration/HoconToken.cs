namespace AuthActors.Configuration;

/// <summary>
/// One token with where it starts. <see cref="Text"/> is the decoded value for quoted strings
/// and the original text otherwise (numbers keep the text as written, HOCON.md "Value
/// concatenation").
/// </summary>
internal sealed class HoconToken
{
    public HoconToken(HoconTokenKind kind, string text, int line, int column)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
    }

    public HoconTokenKind Kind { get; }

    public string Text { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>For '{' and '[': the index of the matching closing token, or -1 when unbalanced.</summary>
    public int Match { get; set; } = -1;

    /// <summary>For substitutions: the path elements of <c>${path}</c>.</summary>
    public string[]? Path { get; init; }

    /// <summary>For substitutions: true for <c>${?path}</c>.</summary>
    public bool Optional { get; init; }

    public bool IsSimpleValue => Kind is HoconTokenKind.QuotedString or HoconTokenKind.TripleQuotedString
        or HoconTokenKind.Unquoted or HoconTokenKind.Number or HoconTokenKind.True
        or HoconTokenKind.False or HoconTokenKind.Null;

    /// <summary>How an error message names this token (never the content of a quoted string).</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString or HoconTokenKind.TripleQuotedString => "a quoted string",
        HoconTokenKind.Substitution => "a substitution",
        HoconTokenKind.Unquoted or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null
            => "'" + (Text.Length > 32 ? string.Concat(Text.AsSpan(0, 32), "...") : Text) + "'",
        _ => "'" + Text + "'",
    };
}
