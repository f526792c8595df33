using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Protocol;

/// <summary>
/// A Digest challenge (RFC 7616 §3.3) read from an <see cref="AuthChallenge"/>. Immutable.
/// </summary>
/// <remarks>
/// Lenient where deployed servers differ from the RFC: the scheme and flag values are compared
/// without case (<c>stale=TRUE</c>, <c>stale="true"</c>), a quoted algorithm is accepted, the qop
/// list may have any spacing and unknown members (ignored), and an empty qop counts as absent.
/// </remarks>
internal sealed class DigestChallenge
{
    internal const string SchemeName = "Digest";

    private DigestChallenge(AuthChallenge source, string realm, string nonce)
    {
        Source = source;
        Realm = realm;
        Nonce = nonce;
    }

    /// <summary>The challenge this was read from.</summary>
    public AuthChallenge Source { get; }

    /// <summary>The realm (required).</summary>
    public string Realm { get; }

    /// <summary>The nonce (required).</summary>
    public string Nonce { get; }

    /// <summary>The opaque value to echo, or <see langword="null"/>.</summary>
    public string? Opaque { get; private init; }

    /// <summary>The algorithm; MD5 when the challenge names none (RFC 7616 §3.3).</summary>
    public DigestAlgorithm Algorithm { get; private init; }

    /// <summary>The algorithm as the server spelled it; <see langword="null"/> when absent, and then no
    /// algorithm directive is sent back (RFC 2617 compatibility).</summary>
    public string? AlgorithmToken { get; private init; }

    /// <summary>The qop values offered; <see cref="DigestQop.None"/> means the RFC 2069 legacy form.</summary>
    public DigestQop QopOptions { get; private init; }

    /// <summary>stale=true: the nonce expired but the credentials were good (RFC 7616 §3.3).</summary>
    public bool Stale { get; private init; }

    /// <summary>userhash=true: the server accepts a hashed user name (RFC 7616 §3.4.4).</summary>
    public bool UserHash { get; private init; }

    /// <summary>charset=UTF-8 was present (RFC 7616 §4).</summary>
    public bool Utf8 { get; private init; }

    /// <summary>The URIs of the domain directive (space-separated in the header), or empty.</summary>
    public IReadOnlyList<string> Domain { get; private init; } = [];

    /// <summary>
    /// Reads a Digest challenge. Requires realm and nonce; an unknown algorithm, a token68 body or a
    /// qop list with no supported member is an error (returned, not thrown).
    /// </summary>
    public static bool TryCreate(AuthChallenge challenge, [NotNullWhen(true)] out DigestChallenge? digest, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        digest = null;
        if (!challenge.IsScheme(SchemeName))
        {
            error = $"scheme '{challenge.Scheme}' is not Digest";
            return false;
        }

        if (challenge.Token68 is not null)
        {
            error = "Digest challenge carries a token68 instead of parameters (RFC 7616 §3.3)";
            return false;
        }

        if (!challenge.TryGetParameter("realm", out string? realm))
        {
            error = "Digest challenge has no realm (required by RFC 7616 §3.3)";
            return false;
        }

        if (!challenge.TryGetParameter("nonce", out string? nonce))
        {
            error = "Digest challenge has no nonce (required by RFC 7616 §3.3)";
            return false;
        }

        string? algorithmToken = challenge.GetParameter("algorithm");
        DigestAlgorithm algorithm = DigestAlgorithm.Md5;
        if (algorithmToken is not null && !DigestAlgorithms.TryParse(algorithmToken, out algorithm))
        {
            error = $"Digest algorithm '{algorithmToken}' is not supported (supported: MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256, SHA-512-256-sess)";
            return false;
        }

        DigestQop qop = DigestQop.None;
        if (challenge.TryGetParameter("qop", out string? qopList) && !TryParseQopOptions(qopList, out qop, out error))
        {
            return false;
        }

        digest = new DigestChallenge(challenge, realm, nonce)
        {
            Opaque = challenge.GetParameter("opaque"),
            Algorithm = algorithm,
            AlgorithmToken = algorithmToken,
            QopOptions = qop,
            Stale = IsTrue(challenge.GetParameter("stale")),
            UserHash = IsTrue(challenge.GetParameter("userhash")),
            Utf8 = string.Equals(challenge.GetParameter("charset"), "UTF-8", StringComparison.OrdinalIgnoreCase),
            Domain = SplitDomain(challenge.GetParameter("domain")),
        };
        error = null;
        return true;
    }

    /// <summary>
    /// The qop to use: Auth whenever it is offered (auth-int costs a full body hash and buys little
    /// on top of TLS), AuthInt only when it is the only option, None for an RFC 2069 challenge.
    /// <paramref name="haveBody"/> does not change the choice today; it is there so a future policy can.
    /// </summary>
    public DigestQop PreferredQop(bool haveBody = false)
    {
        _ = haveBody;
        if ((QopOptions & DigestQop.Auth) != 0)
        {
            return DigestQop.Auth;
        }

        return (QopOptions & DigestQop.AuthInt) != 0 ? DigestQop.AuthInt : DigestQop.None;
    }

    /// <summary>Describes the challenge without its nonce or opaque (not secret, but noisy).</summary>
    public override string ToString() =>
        $"Digest realm=\"{Realm}\" algorithm={DigestAlgorithms.ToToken(Algorithm)} qop={QopOptions}{(Stale ? " stale" : "")}{(UserHash ? " userhash" : "")}{(Utf8 ? " charset=UTF-8" : "")}";

    /// <summary>qop-options = "qop" EQUAL DQUOTE qop-value *("," qop-value) DQUOTE; unknown members ignored.</summary>
    internal static bool TryParseQopOptions(string list, out DigestQop qop, [NotNullWhen(false)] out string? error)
    {
        qop = DigestQop.None;
        bool any = false;
        foreach (Range range in list.AsSpan().Split(','))
        {
            ReadOnlySpan<char> item = list.AsSpan(range).Trim(" \t");
            if (item.IsEmpty)
            {
                continue;
            }

            any = true;
            if (item.Equals("auth", StringComparison.OrdinalIgnoreCase))
            {
                qop |= DigestQop.Auth;
            }
            else if (item.Equals("auth-int", StringComparison.OrdinalIgnoreCase))
            {
                qop |= DigestQop.AuthInt;
            }
        }

        if (any && qop == DigestQop.None)
        {
            error = $"Digest qop \"{list}\" offers neither auth nor auth-int";
            return false;
        }

        error = null;
        return true;
    }

    internal static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlyCollection<string> SplitDomain(string? domain) =>
        domain is null ? ReadOnlyCollection<string>.Empty : Array.AsReadOnly(domain.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
