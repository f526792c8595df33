using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>HTTP Basic (RFC 7617) as a space plug-in: the header is computed once per credential.</summary>
public sealed class BasicScheme : IAuthScheme
{
    /// <summary>The shared instance; the scheme keeps no state of its own.</summary>
    public static BasicScheme Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Basic";

    /// <inheritdoc />
    public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection) =>
        BuiltInSchemeRank.Rank(Name, challenge, policy, secureTransport, out rejection);

    /// <inheritdoc />
    public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        // RFC 7617 §2.1: charset="UTF-8" is the only value allowed; without it the encoding is
        // unspecified and ISO-8859-1 is what servers expect.
        string? charset = challenge.GetParameter("charset");
        bool utf8 = string.Equals(charset, "UTF-8", StringComparison.OrdinalIgnoreCase);
        return new BasicSchemeState(utf8, context);
    }
}
