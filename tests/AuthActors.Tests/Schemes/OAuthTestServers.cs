using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AuthActors.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Tests.Schemes;

/// <summary>How the test token endpoint answers.</summary>
public enum TokenEndpointMode
{
    /// <summary>Issues tokens (RFC 6749 §5.1).</summary>
    Ok,

    /// <summary>503 with a §5.2 error object: the endpoint is down.</summary>
    Failing,

    /// <summary>200 with an HTML page.</summary>
    Garbage,
}

/// <summary>
/// Two Kestrel servers on 127.0.0.1: an OAuth 2.0 token endpoint for the client credentials grant
/// (RFC 6749 §4.4) and an API protected by Bearer tokens (RFC 6750). Both read token lifetimes from
/// <see cref="Clock"/>, so a test moves time for the client and the servers at once. The API answers
/// <c>Bearer realm="api"</c> to a request without a token, <c>error="invalid_token"</c> to an
/// unknown, expired or revoked one, and <c>error="insufficient_scope"</c> on <c>/admin/…</c>.
/// </summary>
internal sealed class OAuthTestServers : IAsyncDisposable
{
    public const string ClientId = "client-1";
    public const string ClientSecret = "s3cret:with/odd&chars";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _issueLock = new();
    private TestWebServer? _tokenServer;
    private TestWebServer? _apiServer;
    private DateTimeOffset? _lastExpiry;
    private int _tokenRequests;
    private int _apiRequests;
    private int _invalidTokenAnswers;
    private int _issuedAfterExpiry;
    private int _issued;

    private OAuthTestServers(TimeProvider clock) => Clock = clock;

    public TimeProvider Clock { get; }

    /// <summary>How long issued tokens live (expires_in). Default 60 s.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);

    public TokenEndpointMode Mode { get; set; }

    public Uri TokenEndpoint => new(_tokenServer!.BaseAddress, "oauth/token");

    public Uri ApiBase => _apiServer!.BaseAddress;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int ApiRequests => Volatile.Read(ref _apiRequests);

    public int InvalidTokenAnswers => Volatile.Read(ref _invalidTokenAnswers);

    /// <summary>Tokens issued when the previously issued token had already expired: zero means
    /// every refresh came ahead of expiry.</summary>
    public int IssuedAfterExpiry => Volatile.Read(ref _issuedAfterExpiry);

    /// <summary>The scope parameter of the last token request, or null when it had none.</summary>
    public string? LastScope { get; private set; }

    /// <summary>Every token issued or added, for tests that check none leaked.</summary>
    public IReadOnlyCollection<string> KnownTokens => [.. _tokens.Keys];

    public static async Task<OAuthTestServers> StartAsync(TimeProvider? clock = null)
    {
        var servers = new OAuthTestServers(clock ?? TimeProvider.System);
        servers._tokenServer = await TestWebServer.StartAsync(servers.TokenAsync);
        servers._apiServer = await TestWebServer.StartAsync(servers.ApiAsync);
        return servers;
    }

    public Uri Api(string path) => new(ApiBase, path);

    /// <summary>Makes the API accept <paramref name="token"/> (a static token) until <paramref name="expires"/>.</summary>
    public void AddToken(string token, DateTimeOffset? expires = null) => _tokens[token] = expires ?? DateTimeOffset.MaxValue;

    /// <summary>The API forgets every token: the next request with one gets invalid_token.</summary>
    public void RevokeAll() => _tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        if (_apiServer is not null)
        {
            await _apiServer.DisposeAsync();
        }

        if (_tokenServer is not null)
        {
            await _tokenServer.DisposeAsync();
        }
    }

    private async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        HttpRequest request = context.Request;
        if (request.Method != HttpMethods.Post || request.Path != "/oauth/token")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        switch (Mode)
        {
            case TokenEndpointMode.Failing:
                await JsonAsync(context, StatusCodes.Status503ServiceUnavailable, """{"error":"temporarily_unavailable","error_description":"maintenance"}""");
                return;
            case TokenEndpointMode.Garbage:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Welcome to the login page</body></html>");
                return;
        }

        // RFC 6749 §2.3.1: client id and secret, each form-urlencoded, as Basic user-id and password.
        if (!TryReadClient(request, out string? id, out string? secret) || id != ClientId || secret != ClientSecret)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"oauth\"";
            await JsonAsync(context, StatusCodes.Status401Unauthorized, """{"error":"invalid_client"}""");
            return;
        }

        IFormCollection form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            await JsonAsync(context, StatusCodes.Status400BadRequest, """{"error":"unsupported_grant_type"}""");
            return;
        }

        LastScope = form.TryGetValue("scope", out var scope) ? scope.ToString() : null;
        string token;
        lock (_issueLock)
        {
            DateTimeOffset now = Clock.GetUtcNow();
            if (_lastExpiry is { } previous && now >= previous)
            {
                _issuedAfterExpiry++;
            }

            DateTimeOffset expires = now + Lifetime;
            token = $"tk{++_issued}.{Guid.NewGuid():N}";
            _tokens[token] = expires;
            _lastExpiry = expires;
        }

        context.Response.Headers.CacheControl = "no-store";
        await JsonAsync(context, StatusCodes.Status200OK, $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{(int)Lifetime.TotalSeconds}}}""");
    }

    private async Task ApiAsync(HttpContext context)
    {
        Interlocked.Increment(ref _apiRequests);
        string? authorization = context.Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            // RFC 6750 §3.1: no error code for a request without authentication.
            Challenge(context, "Bearer realm=\"api\"");
            return;
        }

        string token = authorization["Bearer ".Length..];
        if (!_tokens.TryGetValue(token, out DateTimeOffset expires) || Clock.GetUtcNow() >= expires)
        {
            Interlocked.Increment(ref _invalidTokenAnswers);
            Challenge(context, "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"");
            return;
        }

        if (context.Request.Path.StartsWithSegments("/admin"))
        {
            Challenge(context, "Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"admin\"");
            return;
        }

        await context.Response.WriteAsync("ok");
    }

    private static void Challenge(HttpContext context, string challenge)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = challenge;
    }

    private static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static bool TryReadClient(HttpRequest request, out string? id, out string? secret)
    {
        id = secret = null;
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        id = WebUtility.UrlDecode(decoded[..colon]);
        secret = WebUtility.UrlDecode(decoded[(colon + 1)..]);
        return true;
    }
}
