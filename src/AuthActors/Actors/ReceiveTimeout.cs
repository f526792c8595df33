namespace AuthActors.Actors;

/// <summary>
/// Delivered to an actor that set a receive timeout and received no influencing message for that long. Delivered again
/// after each further idle period until the timeout is cleared with <c>SetReceiveTimeout(null)</c>.
/// </summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
