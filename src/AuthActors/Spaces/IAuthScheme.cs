using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>
/// An HTTP authentication scheme, as a plug-in of a protection space. The scheme itself is
/// stateless and shared; what it keeps per space lives in an <see cref="AuthSchemeState"/> that
/// the space's actor owns and never shares. Basic and Digest are the built-in implementations;
/// register others with <c>AddAuthActors(b =&gt; b.AddScheme(...))</c>.
/// </summary>
public interface IAuthScheme
{
    /// <summary>The auth-scheme token it answers, e.g. <c>Digest</c> (compared case-insensitively, RFC 7235 §2.1).</summary>
    string Name { get; }

    /// <summary>
    /// How strong an answer to <paramref name="challenge"/> would be: higher is stronger, negative
    /// when this scheme cannot or may not answer it (then <paramref name="rejection"/> says why).
    /// Called on the caller's thread for every challenge of a 401/407; must be pure.
    /// </summary>
    int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection);

    /// <summary>The realm that names the protection space of <paramref name="challenge"/> (RFC 7235 §2.2).</summary>
    string GetRealm(AuthChallenge challenge) => challenge.GetParameter("realm") ?? "";

    /// <summary>Creates the per-space state from the first challenge. Called inside the space actor.</summary>
    AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context);
}
