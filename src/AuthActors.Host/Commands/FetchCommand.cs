using System.CommandLine;

namespace AuthActors.Host.Commands;

/// <summary><c>authactors fetch URL</c>: one authenticated request, curl-like.</summary>
internal static class FetchCommand
{
    public static Command Create(HostConsole console)
    {
        var url = new Argument<string>("url") { Description = "The URL to fetch." };
        var command = new Command("fetch", "Send one authenticated request through AuthActors and print the response, curl-like.") { url };
        command.SetAction(_ => NotYetAvailable.Report(console, "send one request to URL through AuthActors (Basic or Digest as the server asks) and print the status, headers and body"));
        return command;
    }
}
