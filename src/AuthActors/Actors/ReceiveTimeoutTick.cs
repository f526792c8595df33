namespace AuthActors.Actors;

/// <summary>The receive-timeout timer's wake-up, queued in order; the cell checks the idle time before delivering <see cref="ReceiveTimeout"/>.</summary>
internal sealed class ReceiveTimeoutTick
{
    private ReceiveTimeoutTick()
    {
    }

    public static ReceiveTimeoutTick Instance { get; } = new();
}
