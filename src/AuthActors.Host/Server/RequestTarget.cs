namespace AuthActors.Host.Server;

/// <summary>
/// Compares the Digest <c>uri</c> parameter with the request-target (RFC 7616 §3.4.6: the
/// server checks that they name the same resource).
/// </summary>
internal static class RequestTarget
{
    /// <summary>Whether a request-target is in absolute form (<c>http://host/path</c>, RFC 9112 §3.2.2), as sent to a proxy.</summary>
    public static bool IsAbsoluteForm(string target) => target.Length > 0 && target[0] != '/' && target.Contains("://", StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="digestUri"/> names <paramref name="target"/>: equal as sent, or,
    /// when exactly one of them is in absolute form, equal in path and query. Clients differ in
    /// which form they put in <c>uri</c> when they talk to a proxy.
    /// </summary>
    public static bool Matches(string? digestUri, string target)
    {
        if (digestUri is null)
        {
            return false;
        }

        if (string.Equals(digestUri, target, StringComparison.Ordinal))
        {
            return true;
        }

        bool uriAbsolute = IsAbsoluteForm(digestUri);
        bool targetAbsolute = IsAbsoluteForm(target);
        if (uriAbsolute == targetAbsolute)
        {
            return false;
        }

        return PathAndQuery(digestUri).SequenceEqual(PathAndQuery(target));
    }

    /// <summary>The path and query of a target; "/" for an absolute form with an empty path.</summary>
    public static ReadOnlySpan<char> PathAndQuery(string target)
    {
        if (!IsAbsoluteForm(target))
        {
            return target;
        }

        int authorityStart = target.IndexOf("://", StringComparison.Ordinal) + 3;
        int pathStart = target.AsSpan(authorityStart).IndexOfAny('/', '?');
        if (pathStart < 0)
        {
            return "/";
        }

        ReadOnlySpan<char> rest = target.AsSpan(authorityStart + pathStart);
        return rest[0] == '?' ? string.Concat("/", rest) : rest;
    }
}
