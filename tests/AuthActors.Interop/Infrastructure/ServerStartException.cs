namespace AuthActors.Interop.Infrastructure;

/// <summary>A server process did not come up; <see cref="Output"/> holds what it said.</summary>
internal sealed class ServerStartException(string message, string output) : Exception(message)
{
    public string Output { get; } = output;
}
