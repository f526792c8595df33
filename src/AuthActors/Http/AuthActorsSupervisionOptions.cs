namespace AuthActors.Http;

/// <summary><c>authactors.supervision</c>: the OneForOne budget of the space registry.</summary>
public sealed class AuthActorsSupervisionOptions
{
    /// <summary>Restarts of one space within <see cref="Within"/> before it is stopped. The default value is 10.</summary>
    public int MaxRestarts { get; set; } = 10;

    /// <summary>The default value is 1 minute.</summary>
    public TimeSpan Within { get; set; } = TimeSpan.FromMinutes(1);
}
