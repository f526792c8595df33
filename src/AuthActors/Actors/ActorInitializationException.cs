namespace AuthActors.Actors;

/// <summary>An actor's constructor, PreStart or PostRestart threw. The default supervisor strategy stops such an actor.</summary>
public class ActorInitializationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
