using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AuthActors.Http;

/// <summary>Options of one <see cref="AuthActorsHandler"/>. Bound from <c>authactors.handler</c>.</summary>
public sealed class AuthActorsHandlerOptions
{
    /// <summary>The smallest <see cref="BufferLimit"/> accepted: 0 (never buffer).</summary>
    public const long MinimumBufferLimit = 0;

    /// <summary>
    /// Request bodies that cannot be re-sent as they are (streams) are buffered up to this many
    /// bytes so a challenge can be answered by a retry. A larger body is sent once; if it meets a
    /// challenge, the 401/407 is returned with <see cref="AuthActorsHandler.FailureReasonKey"/>
    /// saying why it was not retried. The default value is 1 MiB.
    /// </summary>
    [Range(MinimumBufferLimit, long.MaxValue)]
    public long BufferLimit { get; set; } = 1024 * 1024;

    /// <summary>Check Digest <c>rspauth</c> in Authentication-Info when the server sends it
    /// (RFC 7616 §3.5); a mismatch fails the request. The default value is true.</summary>
    public bool VerifyRspAuth { get; set; } = true;

    /// <summary>
    /// Follow redirects here, authenticating each hop with its own origin's space, instead of in
    /// the primary handler (which strips Authorization and cannot answer a challenge on the new
    /// hop). <c>AddAuthActorsHandler</c> turns the primary handler's own redirects off. The
    /// default value is true.
    /// </summary>
    public bool FollowRedirects { get; set; } = true;

    /// <summary>The most redirects one request follows. The default value is 10.</summary>
    [Range(0, 100)]
    public int MaxRedirects { get; set; } = 10;

    /// <summary>
    /// The proxy requests go through, to know whose 407 it is and to authenticate to it
    /// preemptively (http:// targets; for https:// the proxy sees only CONNECT, see
    /// <see cref="AuthActorsProxyCredentials"/>). Null means <see cref="HttpClient.DefaultProxy"/>
    /// when <see cref="UseDefaultProxy"/> is true. The default value is null.
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Consult <see cref="HttpClient.DefaultProxy"/> (http_proxy and friends) when
    /// <see cref="Proxy"/> is null. The default value is true.</summary>
    public bool UseDefaultProxy { get; set; } = true;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public AuthActorsHandlerOptions Validate()
    {
        if (BufferLimit < MinimumBufferLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(BufferLimit), BufferLimit, "must not be negative.");
        }

        if (MaxRedirects is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRedirects), MaxRedirects, "must be between 0 and 100.");
        }

        return this;
    }
}
