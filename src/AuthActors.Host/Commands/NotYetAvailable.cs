namespace AuthActors.Host.Commands;

/// <summary>What a command that is not built yet does: say what it will do, exit 3.</summary>
internal static class NotYetAvailable
{
    public static int Report(HostConsole console, string whatItWillDo)
    {
        console.Error.WriteLine($"not yet available: {whatItWillDo}");
        return ExitCodes.NotYetAvailable;
    }
}
