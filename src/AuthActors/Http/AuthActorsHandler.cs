using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Protocol;
using AuthActors.Spaces;
using Microsoft.Extensions.Logging;

namespace AuthActors.Http;

/// <summary>
/// Authenticates requests through the protection-space actors of an <see cref="AuthActorsRuntime"/>.
/// Before sending, it asks the request's space for a header (preemptive once the space knows its
/// challenge). On a 401 (origin) or 407 (proxy) it reports the challenge and retries, for each hop
/// (the proxy and the origin each have their own budget), at most once per
/// <see cref="RetryReason"/>: a new challenge, a stale nonce, a refused nonce. So a request goes
/// on the wire at most four times for an origin alone, seven through an authenticating proxy.
/// Anything else goes back to the caller untouched, with <see cref="FailureReasonKey"/> on the
/// request saying why it was not retried.
/// The handler holds no auth state of its own, so IHttpClientFactory may rotate it freely.
/// </summary>
public sealed class AuthActorsHandler : DelegatingHandler
{
    /// <summary>Set on a request whose 401/407 was returned unanswered: why it was not retried.</summary>
    public static readonly HttpRequestOptionsKey<string> FailureReasonKey = new("AuthActors.FailureReason");

    /// <summary>Set beside <see cref="FailureReasonKey"/>: the kind of failure, for code.</summary>
    public static readonly HttpRequestOptionsKey<AuthFailureKind> FailureKindKey = new("AuthActors.FailureKind");

    private const string WwwAuthenticate = "WWW-Authenticate";
    private const string ProxyAuthenticate = "Proxy-Authenticate";
    private const string Authorization = "Authorization";
    private const string ProxyAuthorization = "Proxy-Authorization";
    private const string AuthenticationInfo = "Authentication-Info";
    private const string ProxyAuthenticationInfo = "Proxy-Authentication-Info";

    private readonly AuthActorsRuntime _runtime;
    private readonly AuthActorsHandlerOptions _options;
    private readonly UrlUserInfoCredentialSource? _userInfo;
    private readonly ILogger _logger;

    /// <summary>Creates a handler over <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The actor system that owns the spaces (shared by every handler).</param>
    /// <param name="options">Handler options; null for the defaults.</param>
    /// <param name="userInfo">Where credentials found in URL user-info go; when null, user-info is
    /// still stripped from every request (it never reaches the wire) but not used.</param>
    public AuthActorsHandler(AuthActorsRuntime runtime, AuthActorsHandlerOptions? options = null, UrlUserInfoCredentialSource? userInfo = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        _options = (options ?? new AuthActorsHandlerOptions()).Validate();
        _userInfo = userInfo;
        _logger = runtime.LoggerFactory.CreateLogger<AuthActorsHandler>();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri; AuthActors needs an absolute URI.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"AuthActors needs an absolute request URI; '{uri.OriginalString}' is relative (set HttpClient.BaseAddress).");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // Credentials in the URL never go on the wire nor into logs (security rules).
            request.RequestUri = _userInfo?.Capture(uri) ?? UrlUserInfoCredentialSource.StripUserInfo(uri);
        }

        bool resendable = await MakeResendableAsync(request, cancellationToken).ConfigureAwait(false);
        for (int redirects = 0; ; redirects++)
        {
            HttpResponseMessage response = await SendAuthenticatedAsync(request, resendable, cancellationToken).ConfigureAwait(false);
            if (!_options.FollowRedirects || redirects >= _options.MaxRedirects
                || RedirectTarget(request, response) is not { } target)
            {
                return response;
            }

            response.Dispose();
            request = Redirect(request, target, response.StatusCode, ref resendable);
        }
    }

    private async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, bool resendable, CancellationToken cancellationToken)
    {
        Uri uri = request.RequestUri!;
        var origin = OriginKey.From(uri);
        Uri? proxyUri = ProxyFor(uri);
        OriginKey? proxy = proxyUri is null ? null : OriginKey.From(proxyUri, isProxy: true);
        bool hasBody = request.Content is not null;
        string path = uri.AbsolutePath;

        Hop originHop = await LeaseAsync(origin, path, hasBody, cancellationToken).ConfigureAwait(false);
        Hop proxyHop = proxy is { } p ? await LeaseAsync(p, "/", hasBody, cancellationToken).ConfigureAwait(false) : default;
        if (originHop.Lease is not null)
        {
            _runtime.Diagnostics.PreemptiveHits.Add(1);
        }

        var budget = default(RetryBudget);
        void SetHop(bool isProxy, Hop value)
        {
            if (isProxy)
            {
                proxyHop = value;
            }
            else
            {
                originHop = value;
            }
        }

        Activity? activity = null;
        try
        {
            while (true)
            {
                // Digest's uri is the request-target as sent: origin-form to the origin,
                // absolute-form to a proxy (RFC 9112 §3.2).
                var originRequest = new AuthRequest(request.Method, uri, uri.PathAndQuery, request.Content, IsProxy: false);
                AuthRequest proxyRequest = proxy is null
                    ? default
                    : new AuthRequest(request.Method, uri, uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped), request.Content, IsProxy: true);
                HttpResponseMessage response;
                try
                {
                    await ApplyAsync(request, Authorization, originHop.Lease, originRequest, cancellationToken).ConfigureAwait(false);
                    if (proxy is not null)
                    {
                        await ApplyAsync(request, ProxyAuthorization, proxyHop.Lease, proxyRequest, cancellationToken).ConfigureAwait(false);
                    }

                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // Never sent or never answered: leases go back (gaps in nc are fine, reuse is not),
                    // and a discovery hands over to the next request.
                    Abandon(origin, originHop);
                    if (proxy is { } failedProxy)
                    {
                        Abandon(failedProxy, proxyHop);
                    }

                    throw;
                }

                bool originChallenged = response.StatusCode == HttpStatusCode.Unauthorized;
                bool proxyChallenged = response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired;
                if (!proxyChallenged && proxy is { } answeredProxy)
                {
                    // The proxy passed the request on: its credential worked.
                    Finish(answeredProxy, ref proxyHop, response, ProxyAuthenticationInfo, proxyRequest);
                }

                if (!originChallenged && !proxyChallenged)
                {
                    Finish(origin, ref originHop, response, AuthenticationInfo, originRequest);
                    return response;
                }

                // A 407 says nothing of the origin's credential (the origin never saw the request):
                // its lease is sent again unchanged.

                if (proxyChallenged && proxy is null)
                {
                    return Unanswered(request, response, AuthFailureKind.ProxyNotConfigured, "a proxy asked for credentials (407) but no proxy is configured for this request; set AuthActorsHandlerOptions.Proxy");
                }

                activity ??= _runtime.Diagnostics.ActivitySource.StartActivity("AuthActors.Authenticate");
                activity?.SetTag("authactors.origin", origin.ToString());
                _runtime.Diagnostics.Challenges.Add(1);

                OriginKey key = proxyChallenged ? proxy!.Value : origin;
                Hop hop = proxyChallenged ? proxyHop : originHop;
                ChallengeParseResult parsed = ParseChallenges(response, proxyChallenged ? ProxyAuthenticate : WwwAuthenticate);
                SchemeSelection selection = _runtime.Schemes.Select(parsed.Challenges, _runtime.Settings.Policy, key.IsSecure);
                if (selection.Scheme is null)
                {
                    // Say what was wrong with the header when it did not parse, not just that nothing was usable.
                    string reason = parsed.IsSuccess ? selection.Reason! : $"{selection.Reason}; {parsed.Error}";
                    SpaceLog.ChallengeUnusable(_logger, key.ToString(), reason);
                    Abandon(key, hop);
                    return Unanswered(request, response, AuthFailureKind.NoUsableChallenge, reason);
                }

                if (!parsed.IsSuccess)
                {
                    // Another challenge was usable; still say what did not parse.
                    SpaceLog.ChallengeUnusable(_logger, key.ToString(), parsed.Error!);
                }

                var report = new ReportChallenge(key, proxyChallenged ? "/" : path, hop.Lease, selection.Scheme, selection.Challenge!, selection.Realm ?? "", hasBody);
                Task<ChallengeDecision> ask = _runtime.ReportChallengeAsync(report);
                ChallengeDecision decision;
                try
                {
                    decision = await ask.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    response.Dispose();
                    _ = ask.ContinueWith(t => ReleaseOrphan(key, t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw;
                }
                catch (Exception e) when (IsSpaceFailure(e))
                {
                    response.Dispose();
                    throw SpaceFailed(key, e);
                }

                // The registry ended any discovery when it saw the challenge; the old lease is spent.
                SetHop(proxyChallenged, default);
                if (decision.Kind != ChallengeDecisionKind.Retry)
                {
                    activity?.SetTag("authactors.outcome", decision.Kind.ToString());
                    return Unanswered(request, response, decision.FailureKind, decision.Reason ?? "the space gave up");
                }

                if (!budget.TrySpend(decision.RetryReason, proxyChallenged) || !resendable)
                {
                    AuthActorsRuntime.Complete(decision.Lease!, default);
                    return Unanswered(request, response, !resendable ? AuthFailureKind.BodyNotResendable : AuthFailureKind.RetryLimit, !resendable
                        ? $"the request body cannot be re-sent: it is larger than buffer-limit ({_options.BufferLimit} bytes) or not rewindable"
                        : $"the request already retried once for {Describe(decision.RetryReason)} ({(proxyChallenged ? "proxy" : "origin")})");
                }

                _runtime.Diagnostics.Retries.Add(1);
                SetHop(proxyChallenged, new Hop(decision.Lease, Discovering: false));
                response.Dispose();
                if (originChallenged && proxy is { } viaProxy)
                {
                    // The proxy's lease was spent on the answered attempt; the retry needs its own.
                    proxyHop = await LeaseAsync(viaProxy, "/", hasBody, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private async Task<Hop> LeaseAsync(OriginKey key, string path, bool hasBody, CancellationToken cancellationToken)
    {
        // The Ask itself is not cancelled: if the caller gives up, whatever the space already
        // handed out (a nonce slot, the discovery of an origin) is handed back, not lost.
        long started = Stopwatch.GetTimestamp();
        Task<object> ask = _runtime.LeaseAsync(key, path, hasBody);
        object answer;
        try
        {
            answer = ask.IsCompletedSuccessfully ? ask.Result : await ask.WaitAsync(_runtime.LeaseTimeout, cancellationToken).ConfigureAwait(false);
            _runtime.Diagnostics.LeaseWait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("server.address", key.Host));
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            _ = ask.ContinueWith(t => ReleaseOrphan(key, t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (e is TimeoutException)
            {
                throw SpaceFailed(key, new TimeoutException($"no answer within {_runtime.LeaseTimeout.TotalSeconds:0.#} s (ask-timeout plus discovery-timeout)"));
            }

            throw;
        }
        catch (Exception e) when (IsSpaceFailure(e))
        {
            throw SpaceFailed(key, e);
        }

        return answer switch
        {
            AuthLease lease => new Hop(lease, Discovering: false),
            LeaseRefusal { Kind: LeaseRefusalKind.Discover } => new Hop(null, Discovering: true),
            LeaseRefusal { Kind: LeaseRefusalKind.Fail } refusal => throw new HttpRequestException($"AuthActors: {refusal.Reason}"),
            _ => default,
        };
    }

    private static string Describe(RetryReason reason) => reason switch
    {
        RetryReason.Stale => "a stale nonce",
        RetryReason.NonceRefused => "a refused nonce",
        _ => "a challenge",
    };

    /// <summary>An Ask that timed out, or a space that stopped or failed while answering.</summary>
    private static bool IsSpaceFailure(Exception e) =>
        e is TimeoutException or SpaceUnavailableException || (e is InvalidOperationException && e is not ObjectDisposedException);

    private static HttpRequestException SpaceFailed(OriginKey key, Exception e) =>
        new($"AuthActors: the protection space for {key} failed to answer: {e.Message}", e);

    private static async ValueTask ApplyAsync(HttpRequestMessage request, string header, AuthLease? lease, AuthRequest authRequest, CancellationToken cancellationToken)
    {
        if (lease is null)
        {
            return;
        }

        string? value = await lease.CreateHeaderValueAsync(authRequest, cancellationToken).ConfigureAwait(false);
        // Ours from an earlier attempt, or one set by hand: the lease's header replaces it.
        request.Headers.Remove(header);
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    /// <summary>The request ended without a challenge for this hop: verify the server's proof, tell
    /// the space when it wants to know, and end a discovery.</summary>
    private void Finish(OriginKey key, ref Hop hop, HttpResponseMessage response, string infoHeader, AuthRequest authRequest)
    {
        if (hop.Discovering)
        {
            _runtime.ReportDiscoveryEnded(key);
        }

        AuthLease? lease = hop.Lease;
        hop = default;
        if (lease is null)
        {
            return;
        }

        string? info = Header(response, infoHeader);
        if (info is not null && _options.VerifyRspAuth && lease.VerifyResponse(authRequest, info) is { } failure)
        {
            AuthActorsRuntime.Complete(lease, new LeaseOutcome((int)response.StatusCode, null));
            SpaceLog.MutualAuthFailed(_logger, key.ToString(), failure);
            response.Dispose();
            throw new HttpRequestException($"AuthActors: {failure}");
        }

        if (lease.WantsCompletion || info is not null)
        {
            AuthActorsRuntime.Complete(lease, new LeaseOutcome((int)response.StatusCode, info));
        }
    }

    private void Abandon(OriginKey key, Hop hop)
    {
        if (hop.Discovering)
        {
            _runtime.ReportDiscoveryEnded(key);
        }

        if (hop.Lease is { } lease)
        {
            AuthActorsRuntime.Complete(lease, default);
        }
    }

    /// <summary>A reply that arrived after its caller gave up: hand back what it holds.</summary>
    private void ReleaseOrphan<T>(OriginKey key, Task<T> answered)
    {
        if (!answered.IsCompletedSuccessfully)
        {
            _ = answered.Exception; // observed: the caller is gone and was told it was cancelled
            return;
        }

        switch (answered.Result)
        {
            case AuthLease lease:
                AuthActorsRuntime.Complete(lease, default);
                break;
            case ChallengeDecision { Lease: { } retryLease }:
                AuthActorsRuntime.Complete(retryLease, default);
                break;
            case LeaseRefusal { Kind: LeaseRefusalKind.Discover }:
                _runtime.ReportDiscoveryEnded(key);
                break;
        }
    }

    private HttpResponseMessage Unanswered(HttpRequestMessage request, HttpResponseMessage response, AuthFailureKind kind, string reason)
    {
        request.Options.Set(FailureReasonKey, reason);
        request.Options.Set(FailureKindKey, kind);
        Uri uri = request.RequestUri!;
        // Counted, and logged at Information: a wrong password fails every request, and the space
        // already said so once as a Warning; thousands of warnings would bury it.
        _runtime.Diagnostics.Unanswered.Add(1, new("authactors.failure_kind", kind.ToString()), new("server.address", uri.Host));
        SpaceLog.NotRetried(_logger, OriginKey.From(uri).ToString(), kind.ToString(), reason);
        return response;
    }

    private static ChallengeParseResult ParseChallenges(HttpResponseMessage response, string header) =>
        response.Headers.NonValidated.TryGetValues(header, out HeaderStringValues values)
            ? ChallengeParser.Parse(values)
            : ChallengeParser.Parse((string?)null);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values) ? values.ToString() : null;

    private Uri? ProxyFor(Uri uri)
    {
        // Only a plain-http request carries Proxy-Authorization to the proxy; https goes through
        // CONNECT, which the primary handler answers (see AuthActorsProxyCredentials).
        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        IWebProxy? proxy = _options.Proxy ?? (_options.UseDefaultProxy ? HttpClient.DefaultProxy : null);
        if (proxy is null || proxy.IsBypassed(uri))
        {
            return null;
        }

        Uri? target = proxy.GetProxy(uri);
        return target is null || target == uri ? null : target;
    }

    /// <summary>Buffers a body that could not be sent twice, up to the limit. Returns whether the
    /// request can be re-sent after a challenge.</summary>
    private async Task<bool> MakeResendableAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpContent? content = request.Content;
        if (content is null or ByteArrayContent or ReadOnlyMemoryContent)
        {
            return true;
        }

        if (content.Headers.ContentLength is { } length && length > _options.BufferLimit)
        {
            return false;
        }

        Stream source = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        int limit = (int)Math.Min(_options.BufferLimit, Array.MaxLength - 1);
        byte[] buffer = new byte[Math.Min(limit + 1, 81920)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            int read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        HttpContent replacement = filled <= limit
            ? new ByteArrayContent(buffer, 0, filled)
            : new PrefixedStreamContent(buffer, filled, source);
        foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = replacement;
        return filled <= limit;
    }

    private static Uri? RedirectTarget(HttpRequestMessage request, HttpResponseMessage response)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect:
                break;
            default:
                return null;
        }

        Uri? location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        Uri target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        // RFC 9110 §15.4: a fragment-less Location inherits the request's fragment; we send none.
        return target;
    }

    /// <summary>The next hop (RFC 9110 §15.4), with the method rules browsers and .NET follow.</summary>
    private static HttpRequestMessage Redirect(HttpRequestMessage request, Uri target, HttpStatusCode status, ref bool resendable)
    {
        bool toGet = status == HttpStatusCode.SeeOther && request.Method != HttpMethod.Head
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found) && request.Method == HttpMethod.Post;
        var next = new HttpRequestMessage(toGet ? HttpMethod.Get : request.Method, target)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = toGet ? null : request.Content,
        };
        bool sameOrigin = OriginKey.From(target) == OriginKey.From(request.RequestUri!);
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            // Like .NET's own redirect handling, no Authorization crosses a redirect: each hop's
            // header comes from its own space. Cookies set by hand stay with their origin.
            if (string.Equals(header.Key, Authorization, StringComparison.OrdinalIgnoreCase)
                || string.Equals(header.Key, ProxyAuthorization, StringComparison.OrdinalIgnoreCase)
                || (!sameOrigin && string.Equals(header.Key, "Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (KeyValuePair<string, object?> option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        if (toGet)
        {
            resendable = true;
        }

        return next;
    }

    /// <summary>One retry of each kind at most (see <see cref="RetryReason"/>) for each hop, so a
    /// request never loops, and a 407 from the proxy leaves the origin's own 401 its retry.</summary>
    private struct RetryBudget
    {
        private int _spent;

        public bool TrySpend(RetryReason reason, bool proxy)
        {
            int bit = 1 << ((int)reason + (proxy ? 8 : 0));
            if ((_spent & bit) != 0)
            {
                return false;
            }

            _spent |= bit;
            return true;
        }
    }

    /// <summary>One hop's lease, and whether this request discovers its space.</summary>
    private readonly record struct Hop(AuthLease? Lease, bool Discovering);
}
