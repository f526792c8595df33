using System.Runtime.CompilerServices;

namespace AuthActors.Configuration;

/// <summary>What one call to <see cref="HoconParser"/> shares across the files it includes.</summary>
internal sealed class HoconParseSession
{
    private readonly List<string> _includeChain = [];

    public HoconParseSession(HoconParseOptions options)
    {
        MaxDepth = options.MaxNestingDepth;
        ReadInclude = options.ReadInclude ?? ReadFileOrNull;
        GetEnvironmentVariable = options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;
    }

    public int MaxDepth { get; }

    public Func<string, string?> ReadInclude { get; }

    public Func<string, string?> GetEnvironmentVariable { get; }

    /// <summary>Open braces, brackets and includes right now.</summary>
    public int Depth { get; private set; }

    /// <summary>Counts one more level; deep input gets a clear error instead of a stack overflow.</summary>
    public void Enter(string fileName, int line, int column)
    {
        Depth++;
        if (Depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconParseException(fileName, line, column, $"nesting deeper than {MaxDepth} levels (objects, arrays and includes)");
        }
    }

    public void Exit() => Depth--;

    /// <summary>Enters an included file, refusing one that is already being included.</summary>
    public void EnterInclude(string fullPath, string fileName, int line, int column)
    {
        if (_includeChain.Contains(fullPath, StringComparer.Ordinal))
        {
            IEnumerable<string> chain = _includeChain.SkipWhile(p => !string.Equals(p, fullPath, StringComparison.Ordinal))
                .Append(fullPath)
                .Select(Path.GetFileName)!;
            throw new HoconException(fileName, line, column, $"include cycle: {string.Join(" -> ", chain)}");
        }

        _includeChain.Add(fullPath);
    }

    public void ExitInclude() => _includeChain.RemoveAt(_includeChain.Count - 1);

    /// <summary>
    /// HOCON.md "Include semantics: missing files": a missing file is not an error unless the
    /// include is required(); other I/O failures are reported.
    /// </summary>
    private static string? ReadFileOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
