using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AuthActors.Tests.Schemes;

/// <summary>An in-memory token endpoint: answers each request with <see cref="Respond"/> and keeps
/// what it was sent (method, headers, body) for the test to read.</summary>
internal sealed class StubTokenHandler : HttpMessageHandler
{
    private int _requests;

    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => Json(HttpStatusCode.OK, """{"access_token":"tok-1","token_type":"Bearer","expires_in":3600}""");

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<(HttpMethod Method, string? Authorization, string Body)> Sent { get; } = new();

    /// <summary>A factory for <see cref="AuthActors.Spaces.Schemes.BearerSchemeOptions.TokenClientFactory"/>:
    /// an invoker over this handler that leaves it undisposed.</summary>
    public Func<HttpMessageInvoker> Factory => () => new HttpMessageInvoker(this, disposeHandler: false);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A success answer with <paramref name="token"/>, valid <paramref name="seconds"/> (none when null).</summary>
    public static HttpResponseMessage Token(string token, int? seconds) =>
        Json(HttpStatusCode.OK, seconds is { } s
            ? $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{s}}}"""
            : $$"""{"access_token":"{{token}}","token_type":"Bearer"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue((request.Method, request.Headers.Authorization?.ToString(), body));
        return Respond(request);
    }
}
