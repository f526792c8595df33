namespace AuthActors.Configuration;

/// <summary>
/// Invalid HOCON: a syntax error (<see cref="HoconParseException"/>), an unresolved or circular
/// substitution, a missing required include, or a value that cannot become configuration.
/// The message starts with <c>file:line:column:</c> when the problem has a place in a file.
/// Messages name keys, paths and files, never the content of a value.
/// </summary>
public class HoconException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public HoconException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public HoconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error that points at a place in a file.</summary>
    /// <param name="fileName">The file's name as it was given to the parser.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, counted in UTF-16 code units.</param>
    /// <param name="message">What was wrong and, where it helps, what was expected.</param>
    public HoconException(string fileName, int line, int column, string message)
        : base(Format(fileName, line, column, message))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>Creates an error that points at a place in a file and was caused by another exception.</summary>
    /// <param name="fileName">The file's name as it was given to the parser.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, counted in UTF-16 code units.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause, e.g. an I/O error reading an included file.</param>
    public HoconException(string fileName, int line, int column, string message, Exception innerException)
        : base(Format(fileName, line, column, message), innerException)
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>The file the error is in, or null when the error has no place.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line, or 0 when the error has no place.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when the error has no place.</summary>
    public int Column { get; }

    /// <summary>The message without its <c>file:line:column:</c> prefix.</summary>
    public string? Reason { get; }

    private static string Format(string fileName, int line, int column, string message)
        => $"{fileName}:{line}:{column}: {message}";
}
