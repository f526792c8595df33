using System.CommandLine;

namespace AuthActors.Host.Commands;

/// <summary><c>authactors crawl FILE|-</c>: many URLs concurrently.</summary>
internal static class CrawlCommand
{
    public static Command Create(HostConsole console)
    {
        var file = new Argument<string>("file") { Description = "A file with one URL a line, or - to read them from standard input." };
        var command = new Command("crawl", "Fetch many URLs concurrently through AuthActors, with progress and a JSON-lines report.") { file };
        command.SetAction(_ => NotYetAvailable.Report(console, "fetch every URL in FILE (or standard input) concurrently through AuthActors, with progress and a JSON-lines report"));
        return command;
    }
}
