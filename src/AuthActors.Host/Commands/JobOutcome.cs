namespace AuthActors.Host.Commands;

/// <summary>
/// The exit code a job sets before it stops the app; <see cref="JobHost"/> returns it once the
/// host has shut down. Until the job says otherwise, the run failed.
/// </summary>
internal sealed class JobOutcome
{
    private int _exitCode = ExitCodes.Failed;

    public int ExitCode
    {
        get => Volatile.Read(ref _exitCode);
        set => Volatile.Write(ref _exitCode, value);
    }
}
