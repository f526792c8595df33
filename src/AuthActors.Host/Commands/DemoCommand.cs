using System.CommandLine;

namespace AuthActors.Host.Commands;

/// <summary><c>authactors demo</c>, also what runs with no arguments.</summary>
internal static class DemoCommand
{
    public const string WhatItDoes =
        "start the embedded Digest server on 127.0.0.1 and crawl it concurrently through AuthActors, showing one challenge per nonce and strictly increasing nc";

    public static Command Create(HostConsole console)
    {
        var command = new Command("demo", "Start an embedded Digest server on 127.0.0.1 and crawl it through AuthActors (the default).");
        command.SetAction(_ => NotYetAvailable.Report(console, WhatItDoes));
        return command;
    }

    /// <summary>No arguments: says what the demo will do. Exits 0 so a bare run always works.</summary>
    public static int RunDefault(HostConsole console)
    {
        console.Out.WriteLine("AuthActors host. The default command, demo, will " + WhatItDoes + ".");
        console.Out.WriteLine("The demo is being built; `authactors serve` runs the embedded Digest server now. See --help.");
        return ExitCodes.Ok;
    }
}
