namespace AuthActors.Actors;

/// <summary>An Ask got no reply within its timeout. The message names the target path and the message type.</summary>
public class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AskTimeoutException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
