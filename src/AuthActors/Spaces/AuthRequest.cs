namespace AuthActors.Spaces;

/// <summary>What a scheme may read of the request it signs.</summary>
/// <param name="Method">The request method.</param>
/// <param name="RequestUri">The absolute request URI (without user-info).</param>
/// <param name="RequestTarget">The request-target as sent (RFC 9112 §3.2): origin-form for
/// origin auth, absolute-form for proxy auth. Digest's <c>uri</c> parameter is this.</param>
/// <param name="Content">The body, buffered so it can be read more than once, or null.</param>
/// <param name="IsProxy">True when the header is Proxy-Authorization.</param>
public readonly record struct AuthRequest(HttpMethod Method, Uri RequestUri, string RequestTarget, HttpContent? Content, bool IsProxy);
