using System.CommandLine;

namespace AuthActors.Host.Commands;

/// <summary><c>authactors bench</c>: throughput side by side.</summary>
internal static class BenchCommand
{
    public static Command Create(HostConsole console)
    {
        var command = new Command("bench", "Compare no auth, AuthActors and .NET's built-in Digest against the embedded server.");
        command.SetAction(_ => NotYetAvailable.Report(console, "run concurrent clients against the embedded Digest server with no auth, AuthActors and .NET's built-in Digest, and compare requests/s and 401s"));
        return command;
    }
}
