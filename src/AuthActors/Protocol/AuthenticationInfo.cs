using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AuthActors.Protocol;

/// <summary>
/// The Authentication-Info / Proxy-Authentication-Info field (RFC 7615 §3, §4; RFC 7616 §3.5):
/// a bare <c>#auth-param</c> list. Immutable.
/// </summary>
internal sealed class AuthenticationInfo
{
    private AuthenticationInfo()
    {
    }

    /// <summary>The nonce to use for the next request, or <see langword="null"/>.</summary>
    public string? NextNonce { get; private init; }

    /// <summary>The qop the server applied (None when absent).</summary>
    public DigestQop Qop { get; private init; }

    /// <summary>The server's proof that it knows the credentials, or <see langword="null"/>.</summary>
    public string? RspAuth { get; private init; }

    /// <summary>The client nonce echoed back, or <see langword="null"/>.</summary>
    public string? Cnonce { get; private init; }

    /// <summary>The nonce count echoed back, or <see langword="null"/>.</summary>
    public uint? Nc { get; private init; }

    /// <summary>
    /// Parses the field. Unknown parameters are ignored; a syntax error, a repeated parameter, an
    /// nc that is not 8 hex digits or a qop other than auth / auth-int is an error.
    /// </summary>
    public static bool TryParse(string? fieldValue, [NotNullWhen(true)] out AuthenticationInfo? info, [NotNullWhen(false)] out string? error)
    {
        info = null;
        if (string.IsNullOrWhiteSpace(fieldValue))
        {
            error = "Authentication-Info is empty";
            return false;
        }

        if (!ChallengeParser.TryParseParameterList(fieldValue, "Authentication-Info", out KeyValuePair<string, string>[] parameters, out error))
        {
            return false;
        }

        string? nextNonce = null, rspAuth = null, cnonce = null;
        DigestQop qop = DigestQop.None;
        uint? nc = null;
        foreach ((string name, string value) in parameters)
        {
            if (name.Equals("nextnonce", StringComparison.OrdinalIgnoreCase))
            {
                nextNonce = value;
            }
            else if (name.Equals("rspauth", StringComparison.OrdinalIgnoreCase))
            {
                rspAuth = value;
            }
            else if (name.Equals("cnonce", StringComparison.OrdinalIgnoreCase))
            {
                cnonce = value;
            }
            else if (name.Equals("qop", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseQop(value, out qop))
                {
                    error = "Authentication-Info: qop must be auth or auth-int";
                    return false;
                }
            }
            else if (name.Equals("nc", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseNc(value, out uint parsed))
                {
                    error = "Authentication-Info: nc must be 8 hex digits (RFC 7616 §3.4)";
                    return false;
                }

                nc = parsed;
            }
        }

        info = new AuthenticationInfo { NextNonce = nextNonce, RspAuth = rspAuth, Cnonce = cnonce, Qop = qop, Nc = nc };
        error = null;
        return true;
    }

    /// <summary>Lists what the field said, without rspauth.</summary>
    public override string ToString() =>
        $"Authentication-Info qop={Qop} nc={(Nc is uint n ? DigestCalculator.FormatNc(n) : "-")} nextnonce={(NextNonce is null ? "no" : "yes")}";

    /// <summary>nc-value = 8LHEX; upper-case digits are accepted.</summary>
    internal static bool TryParseNc(string value, out uint nc)
    {
        nc = 0;
        return DigestHash.IsHex(value, 8) && uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc);
    }

    internal static bool TryParseQop(string value, out DigestQop qop)
    {
        if (value.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            qop = DigestQop.Auth;
            return true;
        }

        if (value.Equals("auth-int", StringComparison.OrdinalIgnoreCase))
        {
            qop = DigestQop.AuthInt;
            return true;
        }

        qop = DigestQop.None;
        return false;
    }
}
