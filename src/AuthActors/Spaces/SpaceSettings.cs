using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>How protection spaces behave. Bound from <c>authactors.spaces</c>, <c>authactors.policy</c>
/// and <c>authactors.supervision</c> (hocon/reference.conf).</summary>
public sealed record SpaceSettings
{
    /// <summary>An idle space actor stops after this; the next request rebuilds it from its last challenge.
    /// The default value is 2 minutes.</summary>
    public TimeSpan PassivateAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long requests to an origin wait while one request discovers its first challenge.
    /// After it they go out unauthenticated. The default value is 10 seconds.</summary>
    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Exclusive lease mode: the most nonces one space holds. The default value is 64.</summary>
    public int MaxNoncePool { get; init; } = 64;

    /// <summary>How nonces are leased. The default value is <see cref="LeaseMode.Auto"/>.</summary>
    public LeaseMode LeaseMode { get; init; } = LeaseMode.Auto;

    /// <summary>Which challenges are acceptable. The default value is <see cref="ChallengePolicy.Default"/>.</summary>
    public ChallengePolicy Policy { get; init; } = ChallengePolicy.Default;

    /// <summary>Restarts of one space within <see cref="RestartWindow"/> before it is stopped. The default value is 10.</summary>
    public int MaxRestarts { get; init; } = 10;

    /// <summary>The window of <see cref="MaxRestarts"/>. The default value is 1 minute.</summary>
    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>After the server refuses a credential, its space answers every request with that
    /// refusal for this long, then tries the credential once more (a server that was wrong, or a
    /// password fixed on the server's side); each refusal in a row doubles the wait, up to 32
    /// times this. The default value is 1 minute.</summary>
    public TimeSpan RejectionRetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the handler waits for a space's answer. The default value is 5 seconds.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public SpaceSettings Validate()
    {
        Positive(PassivateAfter, nameof(PassivateAfter));
        Positive(DiscoveryTimeout, nameof(DiscoveryTimeout));
        Positive(RestartWindow, nameof(RestartWindow));
        Positive(AskTimeout, nameof(AskTimeout));
        Positive(RejectionRetryAfter, nameof(RejectionRetryAfter));
        if (MaxNoncePool < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNoncePool), MaxNoncePool, "must be at least 1.");
        }

        if (MaxRestarts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRestarts), MaxRestarts, "must not be negative.");
        }

        return this;

        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, "must be positive.");
            }
        }
    }
}
