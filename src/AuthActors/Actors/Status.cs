namespace AuthActors.Actors;

/// <summary>Replies that carry an outcome. An Ask that gets <see cref="Failure"/> throws its <see cref="Failure.Cause"/>.</summary>
public static class Status
{
    /// <summary>A successful outcome; an Ask for the type of <paramref name="Value"/> gets the value itself.</summary>
    /// <param name="Value">The result.</param>
    public sealed record Success(object? Value);

    /// <summary>A failed outcome; an Ask that receives it throws <paramref name="Cause"/>.</summary>
    /// <param name="Cause">The exception to surface to the asker.</param>
    public sealed record Failure(Exception Cause);
}
