namespace AuthActors.Configuration;

/// <summary>HOCON text that does not follow the syntax (HOCON.md, "Syntax").</summary>
public sealed class HoconParseException : HoconException
{
    public HoconParseException()
    {
    }

    public HoconParseException(string message)
        : base(message)
    {
    }

    public HoconParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc cref="HoconException(string, int, int, string)"/>
    public HoconParseException(string fileName, int line, int column, string message)
        : base(fileName, line, column, message)
    {
    }
}
