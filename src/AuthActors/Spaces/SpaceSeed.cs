using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>
/// What a protection-space actor is built from, kept by the registry across the actor's
/// incarnations: Akka creates a fresh instance from the same props on every restart, and a
/// passivated space is rebuilt from the same seed. The registry updates <see cref="Challenge"/>
/// as challenges arrive, so a new incarnation starts from the latest one.
/// </summary>
internal sealed class SpaceSeed(SpaceKey key, IAuthScheme scheme, AuthChallenge challenge)
{
    private AuthChallenge _challenge = challenge;
    private int _incarnations;

    public SpaceKey Key { get; } = key;

    public IAuthScheme Scheme { get; } = scheme;

    /// <summary>The latest challenge (written by the registry, read by a starting incarnation).</summary>
    public AuthChallenge Challenge
    {
        get => Volatile.Read(ref _challenge);
        set => Volatile.Write(ref _challenge, value);
    }

    /// <summary>Counts one more incarnation and returns how many there have been (1 for the first).</summary>
    public int NextIncarnation() => Interlocked.Increment(ref _incarnations);
}
