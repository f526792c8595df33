namespace AuthActors.Interop.Infrastructure;

/// <summary>How to start one server process: the binary, its arguments, and the port it will listen on.</summary>
internal sealed record ServerLaunch(string Name, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, int Port)
{
    /// <summary>Extra environment for the child (the parent's is inherited, minus proxy variables).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
