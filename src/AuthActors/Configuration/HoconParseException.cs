namespace AuthActors.Configuration;

/// <summary>HOCON text that does not follow the syntax (HOCON.md, "Syntax").</summary>
public sealed class HoconParseException : HoconException
{
    /// <summary>Creates the exception with a default message.</summary>
    public HoconParseException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public HoconParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
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
