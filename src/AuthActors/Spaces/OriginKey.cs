namespace AuthActors.Spaces;

/// <summary>
/// The origin half of a protection space (RFC 7235 §2.2): scheme, host and port, for a server
/// or for a proxy. Two keys with the same host are different when one is a proxy.
/// </summary>
public readonly record struct OriginKey(bool IsProxy, string Scheme, string Host, int Port)
{
    /// <summary>The origin of <paramref name="uri"/>, lower-cased as URI comparison rules allow (RFC 3986 §6.2.2.1).</summary>
    public static OriginKey From(Uri uri, bool isProxy = false)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"A protection space needs an absolute URI; '{uri.OriginalString}' is relative.", nameof(uri));
        }

        return new OriginKey(isProxy, uri.Scheme, uri.IdnHost.ToLowerInvariant(), uri.Port);
    }

    /// <summary>True for https (a secure transport, where Basic is acceptable under a strict policy).</summary>
    public bool IsSecure => string.Equals(Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);

    /// <summary>The origin as a URI, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri ToUri() => new UriBuilder(Scheme, Host, Port).Uri;

    /// <inheritdoc />
    public override string ToString() => IsProxy ? $"proxy {Scheme}://{Host}:{Port}" : $"{Scheme}://{Host}:{Port}";
}
