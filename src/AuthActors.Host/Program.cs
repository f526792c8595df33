using AuthActors.Host.Commands;

namespace AuthActors.Host;

/// <summary>The AuthActors host: the command tree is in <see cref="HostCommandLine"/>, one file per command under Commands/.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) =>
        HostCommandLine.InvokeAsync(args, HostConsole.CreateSystem(), handleTermination: true);
}
