namespace AuthActors.Actors;

/// <summary>
/// The system's shutdown marker, queued like a user message so an actor first processes what was queued before it,
/// then stops, sending the same marker to its children (so parents drain before children, children stop before parents).
/// </summary>
internal sealed class GracefulStop
{
    private GracefulStop()
    {
    }

    public static GracefulStop Instance { get; } = new();
}
