using System.Globalization;

namespace AuthActors.Credentials;

/// <summary>
/// A malformed netrc file. The message names the file and the line, and says what is wrong;
/// it never quotes a token, so a password cannot leak through it.
/// </summary>
public sealed class NetrcFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (as given to <see cref="NetrcCredentialSource.Parse"/>).</param>
    /// <param name="line">The 1-based line of the fault.</param>
    /// <param name="message">What is wrong; must not quote a token.</param>
    public NetrcFormatException(string fileName, int line, string message)
        : base(string.Create(CultureInfo.InvariantCulture, $"netrc file '{fileName}', line {line}: {message}"))
    {
        FileName = fileName;
        Line = line;
        Detail = message;
    }

    /// <summary>Creates the exception with no file or line (for serializers and tests).</summary>
    public NetrcFormatException()
        : this("(unknown)", 0, "malformed netrc file")
    {
    }

    /// <summary>Creates the exception with no file or line.</summary>
    public NetrcFormatException(string message)
        : this("(unknown)", 0, message)
    {
    }

    /// <summary>Creates the exception with no file or line.</summary>
    public NetrcFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown)";
        Detail = message;
    }

    /// <summary>The file name given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the fault.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without file and line.</summary>
    public string Detail { get; }
}
