using System.CommandLine;

namespace AuthActors.Host.Commands;

/// <summary><c>authactors config</c>: the effective configuration.</summary>
internal static class ConfigCommand
{
    public static Command Create(HostConsole console)
    {
        var command = new Command("config", "Show the effective AuthActors configuration (HOCON reference, files and overrides).");
        command.SetAction(_ => NotYetAvailable.Report(console, "print the effective AuthActors configuration with where each value came from"));
        return command;
    }
}
