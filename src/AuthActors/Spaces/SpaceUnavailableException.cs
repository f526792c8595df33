namespace AuthActors.Spaces;

/// <summary>A protection space could not answer: it stopped, restarted or timed out. The message
/// names the space and why; it never carries a credential.</summary>
public sealed class SpaceUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SpaceUnavailableException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SpaceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public SpaceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
