namespace AuthActors.Configuration;

/// <summary>The kinds of token the HOCON tokenizer produces (HOCON.md, "Syntax").</summary>
internal enum HoconTokenKind
{
    /// <summary>A run of non-newline whitespace; kept because value concatenation preserves it.</summary>
    Whitespace,

    /// <summary>An ASCII newline (0x0A): separates fields and array elements like a comma.</summary>
    Newline,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    QuotedString,
    TripleQuotedString,
    Unquoted,
    Number,
    True,
    False,
    Null,
    Substitution,
    End,
}
