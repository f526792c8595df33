namespace AuthActors.Configuration;

/// <summary>
/// Whitespace between the parts of a concatenation: kept between strings, ignored between
/// arrays or objects (HOCON.md "String value concatenation", "Array and object concatenation").
/// </summary>
internal sealed class HoconWhitespaceNode : HoconNode
{
    public HoconWhitespaceNode(string text, string fileName, int line, int column)
        : base(fileName, line, column)
    {
        Text = text;
    }

    public string Text { get; }
}
