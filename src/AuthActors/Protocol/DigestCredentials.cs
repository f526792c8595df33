using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Protocol;

/// <summary>
/// A received Authorization / Proxy-Authorization Digest value (RFC 7616 §3.4), for the server
/// side. Immutable. <see cref="ToString"/> never prints the response.
/// </summary>
internal sealed class DigestCredentials
{
    private DigestCredentials(string userName, string realm, string nonce, string uri, string response)
    {
        UserName = userName;
        Realm = realm;
        Nonce = nonce;
        Uri = uri;
        Response = response;
    }

    /// <summary>username, the decoded username* (RFC 8187), or the hash H(user:realm) when <see cref="UserHash"/>.</summary>
    public string UserName { get; }

    /// <summary>userhash=true: <see cref="UserName"/> is H(user:realm) (RFC 7616 §3.4.4).</summary>
    public bool UserHash { get; private init; }

    /// <summary>The realm.</summary>
    public string Realm { get; }

    /// <summary>The nonce the client used.</summary>
    public string Nonce { get; }

    /// <summary>The digest-uri (the request-target the client hashed).</summary>
    public string Uri { get; }

    /// <summary>The request-digest, hex as sent.</summary>
    public string Response { get; }

    /// <summary>The algorithm as the client spelled it; <see langword="null"/> when absent.</summary>
    public string? AlgorithmToken { get; private init; }

    /// <summary>The algorithm; MD5 when absent.</summary>
    public DigestAlgorithm Algorithm { get; private init; }

    /// <summary>The qop used; None for the RFC 2069 form.</summary>
    public DigestQop Qop { get; private init; }

    /// <summary>The client nonce.</summary>
    public string? Cnonce { get; private init; }

    /// <summary>The nonce count exactly as sent (hashed as sent).</summary>
    public string? NcText { get; private init; }

    /// <summary>The nonce count; 0 when absent.</summary>
    public uint Nc { get; private init; }

    /// <summary>The opaque value echoed.</summary>
    public string? Opaque { get; private init; }

    /// <summary>The qop token exactly as sent (hashed as sent).</summary>
    internal string? QopText { get; private init; }

    /// <summary>
    /// Parses a Digest credentials value. Requires username or username* (not both), realm, nonce,
    /// uri and response; with a qop also cnonce and an 8-hex-digit nc; with a "-sess" algorithm a
    /// cnonce. The response must be hex of the algorithm's length. Never throws on bad input.
    /// </summary>
    public static bool TryParse(string? fieldValue, [NotNullWhen(true)] out DigestCredentials? credentials, [NotNullWhen(false)] out string? error)
    {
        credentials = null;
        if (!ChallengeParser.TryParseCredentials(fieldValue, out AuthChallenge? parsed, out error))
        {
            return false;
        }

        if (!parsed.IsScheme(DigestChallenge.SchemeName))
        {
            error = $"credentials use scheme '{parsed.Scheme}', not Digest";
            return false;
        }

        if (parsed.Token68 is not null)
        {
            error = "Digest credentials carry a token68 instead of parameters";
            return false;
        }

        bool hasPlain = parsed.TryGetParameter("username", out string? userName);
        bool hasExtended = parsed.TryGetParameter("username*", out string? extendedUserName);
        if (hasPlain && hasExtended)
        {
            error = "Digest credentials carry both username and username* (RFC 7616 §3.4.4 allows one)";
            return false;
        }

        if (hasExtended)
        {
            if (!Rfc8187.TryDecode(extendedUserName!, out userName, out string? reason))
            {
                error = $"Digest credentials: username* {reason}";
                return false;
            }
        }
        else if (!hasPlain)
        {
            error = Missing("username");
            return false;
        }

        if (!parsed.TryGetParameter("realm", out string? realm))
        {
            error = Missing("realm");
            return false;
        }

        if (!parsed.TryGetParameter("nonce", out string? nonce))
        {
            error = Missing("nonce");
            return false;
        }

        if (!parsed.TryGetParameter("uri", out string? uri))
        {
            error = Missing("uri");
            return false;
        }

        if (!parsed.TryGetParameter("response", out string? response))
        {
            error = Missing("response");
            return false;
        }

        string? algorithmToken = parsed.GetParameter("algorithm");
        DigestAlgorithm algorithm = DigestAlgorithm.Md5;
        if (algorithmToken is not null && !DigestAlgorithms.TryParse(algorithmToken, out algorithm))
        {
            error = $"Digest credentials: algorithm '{algorithmToken}' is not supported";
            return false;
        }

        if (!DigestHash.IsHex(response, DigestAlgorithms.HexLength(algorithm)))
        {
            error = $"Digest credentials: response is not {DigestAlgorithms.HexLength(algorithm)} hex digits as {DigestAlgorithms.ToToken(algorithm)} requires";
            return false;
        }

        string? qopText = parsed.GetParameter("qop");
        DigestQop qop = DigestQop.None;
        if (qopText is not null && !AuthenticationInfo.TryParseQop(qopText, out qop))
        {
            error = "Digest credentials: qop must be auth or auth-int";
            return false;
        }

        string? cnonce = parsed.GetParameter("cnonce");
        string? ncText = parsed.GetParameter("nc");
        uint nc = 0;
        if (qop != DigestQop.None)
        {
            if (cnonce is null)
            {
                error = Missing("cnonce") + " (required with qop)";
                return false;
            }

            if (ncText is null)
            {
                error = Missing("nc") + " (required with qop)";
                return false;
            }
        }

        if (ncText is not null && !AuthenticationInfo.TryParseNc(ncText, out nc))
        {
            error = "Digest credentials: nc must be 8 hex digits (RFC 7616 §3.4)";
            return false;
        }

        if (DigestAlgorithms.IsSession(algorithm) && cnonce is null)
        {
            error = Missing("cnonce") + $" (required by {DigestAlgorithms.ToToken(algorithm)})";
            return false;
        }

        credentials = new DigestCredentials(userName!, realm, nonce, uri, response)
        {
            UserHash = DigestChallenge.IsTrue(parsed.GetParameter("userhash")),
            AlgorithmToken = algorithmToken,
            Algorithm = algorithm,
            Qop = qop,
            QopText = qopText,
            Cnonce = cnonce,
            NcText = ncText,
            Nc = nc,
            Opaque = parsed.GetParameter("opaque"),
        };
        error = null;
        return true;
    }

    /// <summary>Describes the credentials without the response.</summary>
    public override string ToString() =>
        $"Digest credentials username=\"{UserName}\"{(UserHash ? " (hashed)" : "")} realm=\"{Realm}\" uri=\"{Uri}\" algorithm={DigestAlgorithms.ToToken(Algorithm)} qop={Qop} nc={NcText ?? "-"}";

    private static string Missing(string name) => $"Digest credentials have no {name}";
}
