namespace AuthActors.Configuration;

/// <summary>Where the HOCON reader gets what is outside the text: environment variables and included files.</summary>
public sealed record HoconParseOptions
{
    /// <summary>The default nesting limit for objects, arrays and includes.</summary>
    public const int DefaultMaxNestingDepth = 512;

    /// <summary>
    /// Looks up an environment variable for a substitution that the configuration does not
    /// define (HOCON.md "Substitution fallback to environment variables"); a null result means
    /// "not set". The default value is <see cref="Environment.GetEnvironmentVariable(string)"/>.
    /// </summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }

    /// <summary>
    /// Reads an included file, given its full path; a null result means "no such file" (a plain
    /// <c>include</c> is then ignored, <c>include required(...)</c> fails). The default value
    /// reads the file from disk with <see cref="File.ReadAllText(string)"/>.
    /// </summary>
    public Func<string, string?>? ReadInclude { get; init; }

    /// <summary>
    /// The directory that relative includes resolve against when the text is not read from a
    /// file. The default value is null: the directory of the file name given to the parser
    /// (for <see cref="HoconParser.ParseFile"/>, the file's own directory), else the current
    /// directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// The most objects, arrays and includes that may be open at once; deeper input is an
    /// error rather than a stack overflow. The default value is <see cref="DefaultMaxNestingDepth"/> (512).
    /// </summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;
}
