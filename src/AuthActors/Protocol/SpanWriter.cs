namespace AuthActors.Protocol;

/// <summary>Appends header pieces to a span sized beforehand by the caller.</summary>
internal ref struct SpanWriter
{
    private readonly Span<char> _destination;
    private int _position;

    public SpanWriter(Span<char> destination)
    {
        _destination = destination;
        _position = 0;
    }

    public readonly int Position => _position;

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(_destination[_position..]);
        _position += text.Length;
    }

    public void Append(char c) => _destination[_position++] = c;

    public void AppendQuoted(ReadOnlySpan<char> value) => _position += HttpSyntax.WriteQuoted(value, _destination[_position..]);

    public void AppendExtended(ReadOnlySpan<char> value) => _position += Rfc8187.Encode(value, _destination[_position..]);
}
