using AuthActors.Credentials;

namespace AuthActors.Host.Commands;

/// <summary>What <c>fetch</c> and <c>crawl</c> were told about credentials, Bearer tokens, proxy and time-outs (see <see cref="ClientOptions"/>).</summary>
internal sealed record ClientSettings
{
    /// <summary>--user/--password: used for the origins the command was given, any realm.</summary>
    public Credential? User { get; init; }

    /// <summary>--netrc was given (with or without a file).</summary>
    public bool Netrc { get; init; }

    /// <summary>--netrc FILE; null for $NETRC or ~/.netrc.</summary>
    public string? NetrcFile { get; init; }

    /// <summary>--proxy URL.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>--proxy-user/--proxy-password.</summary>
    public Credential? ProxyUser { get; init; }

    /// <summary>--bearer, or --client-id/--client-secret/--token-url/--scope; null when none was given (Bearer challenges then go unanswered).</summary>
    public BearerSettings? Bearer { get; init; }

    /// <summary>--timeout: the whole of one request, retries and body included. The default value is 100 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
