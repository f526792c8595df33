using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Host.Commands;

/// <summary>
/// Parses the Digest settings the host takes on its command line (algorithm lists, qop, users,
/// nc checking). Each returns false with a short reason; the caller names the option.
/// </summary>
internal static class DigestOptionParsers
{
    /// <summary>The algorithm tokens, for help and errors.</summary>
    public const string AlgorithmTokens = "MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256, SHA-512-256-sess";

    /// <summary>
    /// Algorithms from one or more values, each a single token or a comma list
    /// (<c>--algorithm SHA-256 --algorithm MD5</c> or <c>--algorithm SHA-256,MD5</c>).
    /// Duplicates are dropped; the order is kept (the server orders by strength itself).
    /// </summary>
    public static bool TryParseAlgorithms(IEnumerable<string> values, out DigestAlgorithm[] algorithms, out string? error)
    {
        var list = new List<DigestAlgorithm>();
        foreach (string value in values)
        {
            foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DigestAlgorithms.TryParse(part, out DigestAlgorithm algorithm))
                {
                    algorithms = [];
                    error = $"'{part}' is not a Digest algorithm (use {AlgorithmTokens})";
                    return false;
                }

                if (!list.Contains(algorithm))
                {
                    list.Add(algorithm);
                }
            }
        }

        if (list.Count == 0)
        {
            algorithms = [];
            error = $"no algorithm given (use {AlgorithmTokens})";
            return false;
        }

        algorithms = [.. list];
        error = null;
        return true;
    }

    /// <summary>qop from <c>auth</c>, <c>auth-int</c>, <c>auth,auth-int</c> or <c>none</c> (the RFC 2069 form).</summary>
    public static bool TryParseQop(string value, out DigestQop qop, out string? error)
    {
        qop = DigestQop.None;
        error = null;
        string[] parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string part in parts)
        {
            if (part.Equals("auth", StringComparison.OrdinalIgnoreCase))
            {
                qop |= DigestQop.Auth;
            }
            else if (part.Equals("auth-int", StringComparison.OrdinalIgnoreCase))
            {
                qop |= DigestQop.AuthInt;
            }
            else
            {
                error = $"'{part}' is not a qop (use auth, auth-int, auth,auth-int or none)";
                return false;
            }
        }

        if (qop == DigestQop.None)
        {
            error = "no qop given (use auth, auth-int, auth,auth-int or none)";
            return false;
        }

        return true;
    }

    /// <summary>A user from <c>NAME:PASSWORD</c>; the password may contain colons, the name may not (RFC 7617 §2).</summary>
    public static bool TryParseUser(string value, out KeyValuePair<string, string> user, out string? error)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            user = default;
            error = "expected NAME:PASSWORD with a non-empty name";
            return false;
        }

        user = KeyValuePair.Create(value[..colon], value[(colon + 1)..]);
        error = null;
        return true;
    }

    /// <summary>nc checking from <c>none</c>, <c>replay</c> or <c>increasing</c>.</summary>
    public static bool TryParseNcCheck(string value, out NcCheck check, out string? error)
    {
        error = null;
        switch (value.Trim().ToUpperInvariant())
        {
            case "NONE":
                check = NcCheck.None;
                return true;
            case "REPLAY":
                check = NcCheck.Replay;
                return true;
            case "INCREASING":
                check = NcCheck.Increasing;
                return true;
            default:
                check = NcCheck.Replay;
                error = $"'{value}' is not an nc check (use none, replay or increasing)";
                return false;
        }
    }
}
