using System.Globalization;

namespace AuthActors.Credentials;

/// <summary>
/// The canonical form of an origin (RFC 6454 section 4: scheme, host, port) used as a lookup key
/// by the sources, and the user-info-free <see cref="Uri"/> the public records carry.
/// </summary>
internal static class OriginText
{
    /// <summary>
    /// Returns <c>scheme://host:port</c>, lower case, with the port always written (so
    /// <c>https://Example.com</c> and <c>https://example.com:443/x</c> give the same key).
    /// </summary>
    public static string Of(Uri uri)
    {
        Uri origin = RequireAbsolute(uri, nameof(uri));
        return string.Create(CultureInfo.InvariantCulture, $"{origin.Scheme}://{origin.IdnHost}:{origin.Port}").ToLowerInvariant();
    }

    /// <summary>
    /// Reduces <paramref name="uri"/> to its origin, dropping user-info, path, query and fragment,
    /// so a secret in user-info cannot travel inside a request or an event.
    /// </summary>
    public static Uri Normalize(Uri uri, string parameterName)
    {
        Uri absolute = RequireAbsolute(uri, parameterName);
        if (absolute.UserInfo.Length == 0 && absolute.PathAndQuery is "/" or "" && absolute.Fragment.Length == 0)
        {
            return absolute;
        }

        return new Uri(absolute.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), UriKind.Absolute);
    }

    /// <summary>The host as curl and the environment naming scheme see it: IDNA form, no IPv6 brackets.</summary>
    public static string BareHost(Uri uri)
    {
        string host = uri.IdnHost;
        return host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
    }

    /// <summary>The origin for messages: <c>scheme://host:port</c>, never user-info.</summary>
    public static string Display(Uri uri) =>
        uri.IsAbsoluteUri
            ? string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}")
            : "(relative)";

    private static Uri RequireAbsolute(Uri uri, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(uri, parameterName);
        if (!uri.IsAbsoluteUri || uri.Host.Length == 0)
        {
            throw new ArgumentException("An origin must be an absolute URI with a host, e.g. https://example.com:443.", parameterName);
        }

        return uri;
    }
}
