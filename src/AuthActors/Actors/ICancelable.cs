namespace AuthActors.Actors;

/// <summary>A handle to cancel scheduled work, such as <see cref="ActorSystem.ScheduleTellOnce"/>.</summary>
public interface ICancelable
{
    /// <summary>Cancels the work if it has not run yet. Idempotent; harmless after the work ran.</summary>
    void Cancel();

    /// <summary>Whether <see cref="Cancel"/> has been called.</summary>
    bool IsCancellationRequested { get; }
}
