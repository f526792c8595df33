namespace AuthActors.Host.Commands;

/// <summary>The host's process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done, or stopped on request (Ctrl+C).</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed (for example, the port was taken).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command or option, or a bad option value.</summary>
    public const int Usage = 2;

    /// <summary>The command exists but is not built yet.</summary>
    public const int NotYetAvailable = 3;
}
