using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Credentials written in a request URI's user-info, <c>http://user:pass@host/</c> (name
/// <c>"url-userinfo"</c>), as curl and requests accept them. The handler calls
/// <see cref="Capture"/> before sending: the user-info is percent-decoded and remembered for that
/// origin only, and the URI comes back without it, so it is never sent on the wire (RFC 9110
/// section 4.2.4 forbids it there) nor logged.
/// </summary>
/// <remarks>
/// Matches origin and proxy requests alike by origin (a proxy URI with user-info is captured the
/// same way). A capture that changes an origin's credential fires the change token. Safe to use
/// from any thread.
/// </remarks>
public sealed class UrlUserInfoCredentialSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> of every user-info source.</summary>
    public const string SourceName = "url-userinfo";

    private readonly ConcurrentDictionary<string, Credential> _byOrigin = new(StringComparer.Ordinal);
    private readonly ChangeSignal _changed = new();

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <summary>
    /// Remembers the user-info of <paramref name="requestUri"/>, if any, for its origin and
    /// returns the URI without it; returns <paramref name="requestUri"/> itself when it has none.
    /// The user name runs to the first <c>:</c>, the password is the rest (empty when there is no
    /// <c>:</c>, as requests does); both are percent-decoded, so <c>us%40er:p%3Ass</c> is user
    /// <c>us@er</c> with password <c>p:ss</c>.
    /// </summary>
    public Uri Capture(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri || requestUri.UserInfo.Length == 0)
        {
            return requestUri;
        }

        // Uri.UserInfo is still escaped, so a ':' in it is the delimiter (RFC 3986 section 3.2.1)
        // and an escaped %3A belongs to the value.
        string userInfo = requestUri.UserInfo;
        int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        string userName = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        string password = colon < 0 ? "" : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        var credential = new Credential(userName, password);

        bool changed = true;
        _byOrigin.AddOrUpdate(
            OriginText.Of(requestUri),
            credential,
            (_, previous) =>
            {
                changed = !previous.Equals(credential);
                return credential;
            });
        if (changed)
        {
            _changed.Fire();
        }

        return StripUserInfo(requestUri);
    }

    /// <summary>Forgets what was captured for <paramref name="origin"/>. Returns whether there was anything.</summary>
    public bool Forget(Uri origin)
    {
        bool removed = _byOrigin.TryRemove(OriginText.Of(origin), out _);
        if (removed)
        {
            _changed.Fire();
        }

        return removed;
    }

    /// <summary>
    /// Returns <paramref name="uri"/> without user-info (everything else, including path, query
    /// and fragment, is kept); returns <paramref name="uri"/> itself when it is relative or has none.
    /// </summary>
    public static Uri StripUserInfo(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
        {
            return uri;
        }

        return new Uri(uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped), UriKind.Absolute);
    }

    /// <inheritdoc/>
    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(_byOrigin.TryGetValue(request.OriginKeyText, out Credential? credential)
            ? CredentialAnswer.Found(credential)
            : CredentialAnswer.Declined);
    }

    /// <summary>Fires when a capture adds or changes an origin's credential, or on <see cref="Forget"/>.</summary>
    public IChangeToken GetChangeToken() => _changed.GetToken();

}
