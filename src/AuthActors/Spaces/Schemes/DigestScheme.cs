using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>HTTP Digest (RFC 7616, RFC 2617, RFC 2069) as a space plug-in.</summary>
public sealed class DigestScheme : IAuthScheme
{
    /// <summary>The shared instance; the scheme keeps no state of its own.</summary>
    public static DigestScheme Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Digest";

    /// <inheritdoc />
    public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection) =>
        BuiltInSchemeRank.Rank(Name, challenge, policy, secureTransport, out rejection);

    /// <inheritdoc />
    public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context)
    {
        if (!DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out string? error))
        {
            throw new ArgumentException($"Digest challenge for {context.Key} is malformed: {error}", nameof(challenge));
        }

        return new DigestSchemeState(digest, context);
    }
}
