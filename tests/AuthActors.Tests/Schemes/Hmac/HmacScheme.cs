using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>
/// SAMPLE (docs/schemes.md): a custom request-signing scheme. The scheme object is stateless and
/// shared; it says which challenges it answers (<see cref="Rank"/>) and makes one
/// <see cref="HmacSchemeState"/> per protection space. Register it with
/// <c>services.AddAuthActors(b =&gt; b.AddScheme(new HmacScheme()))</c>.
/// </summary>
public sealed class HmacScheme : IAuthScheme
{
    /// <inheritdoc />
    public string Name => HmacSigner.SchemeName;

    /// <summary>Answers <c>Hmac</c> challenges. The secret never travels, so plain http is
    /// acceptable; ranks between Basic (1) and Digest (11 and up).</summary>
    public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!challenge.IsScheme(Name))
        {
            rejection = $"not a {Name} challenge";
            return -1;
        }

        rejection = null;
        return 5;
    }

    /// <inheritdoc />
    public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context) => new HmacSchemeState(context);
}
