namespace AuthActors.Actors;

/// <summary>An Ask's target had stopped, or stopped before replying.</summary>
public class ActorTerminatedException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorTerminatedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ActorTerminatedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ActorTerminatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
