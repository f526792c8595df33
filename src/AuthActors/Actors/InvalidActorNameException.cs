namespace AuthActors.Actors;

/// <summary>An actor name is empty, contains '/', starts with '$' (reserved for generated names), or is already taken by a live sibling.</summary>
public class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
