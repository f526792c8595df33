namespace AuthActors.Configuration;

/// <summary>
/// Reads HOCON (Lightbend config's HOCON.md) into a resolved <see cref="HoconObject"/>:
/// comments, optional root braces, <c>=</c>/<c>:</c>/<c>{</c> separators, dotted keys, object
/// merging, arrays, string/array/object concatenation, triple-quoted strings, substitutions
/// (<c>${a.b}</c>, <c>${?ENV}</c>, self-references, <c>+=</c>) and file includes. Durations
/// and sizes such as <c>5s</c> or <c>1MiB</c> stay strings; the options binder reads them.
/// </summary>
internal static class HoconParser
{
    private const string DefaultFileName = "<input>";

    /// <summary>Parses HOCON text and resolves its substitutions.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="fileName">
    /// The name errors are reported under (default <c>&lt;input&gt;</c>); unless
    /// <see cref="HoconParseOptions.BaseDirectory"/> is set, relative includes resolve against
    /// its directory, or the current directory when it is null.
    /// </param>
    /// <param name="options">Environment and include hooks; null for the defaults.</param>
    /// <returns>The root object.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON, a substitution cannot be resolved, or a required include is missing.</exception>
    public static HoconObject Parse(string text, string? fileName = null, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new HoconParseOptions();
        string baseDirectory = options.BaseDirectory
            ?? (fileName is null ? null : Path.GetDirectoryName(Path.GetFullPath(fileName)))
            ?? Environment.CurrentDirectory;
        return Parse(text, fileName ?? DefaultFileName, baseDirectory, options);
    }

    /// <summary>Reads a HOCON file and resolves its substitutions; relative includes resolve against the file's directory.</summary>
    /// <param name="path">The file; errors are reported under this name as given.</param>
    /// <param name="options">Environment and include hooks; null for the defaults.</param>
    /// <returns>The root object.</returns>
    /// <exception cref="HoconException">The file is not valid HOCON, a substitution cannot be resolved, or a required include is missing.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HoconObject ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path);
        string fullPath = Path.GetFullPath(path);
        return Parse(text, path, Path.GetDirectoryName(fullPath) ?? Environment.CurrentDirectory, options ?? new HoconParseOptions());
    }

    internal static HoconObject Parse(string text, string fileName, string baseDirectory, HoconParseOptions options)
    {
        if (options.MaxNestingDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxNestingDepth, "MaxNestingDepth must be at least 1.");
        }

        var session = new HoconParseSession(options);
        var root = new HoconObjectNode(fileName, 1, 1);
        var parser = new HoconDocumentParser(session, HoconTokenizer.Tokenize(text, fileName), fileName, baseDirectory, []);
        parser.ParseDocument(root, [], "");
        return new HoconResolver(root, session.GetEnvironmentVariable, session.MaxDepth).Resolve();
    }
}
