namespace AuthActors.Actors;

/// <summary>
/// Stops the receiving actor once it reaches this message: messages queued before it are processed, messages after it
/// become dead letters. The actor never sees it in its handler.
/// </summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
