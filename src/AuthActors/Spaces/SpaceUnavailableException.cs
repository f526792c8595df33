namespace AuthActors.Spaces;

/// <summary>A protection space could not answer: it stopped, restarted or timed out. The message
/// names the space and why; it never carries a credential.</summary>
public sealed class SpaceUnavailableException : Exception
{
    public SpaceUnavailableException()
    {
    }

    public SpaceUnavailableException(string message)
        : base(message)
    {
    }

    public SpaceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
