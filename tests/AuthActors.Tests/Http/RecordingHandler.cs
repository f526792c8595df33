using System.Collections.Concurrent;

namespace AuthActors.Tests.Http;

/// <summary>Sits below the AuthActors handler and records what really went on the wire.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<(Uri Uri, string? Authorization, string? ProxyAuthorization)> Sent { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Enqueue((
            request.RequestUri!,
            request.Headers.NonValidated.TryGetValues("Authorization", out var a) ? a.ToString() : null,
            request.Headers.NonValidated.TryGetValues("Proxy-Authorization", out var p) ? p.ToString() : null));
        return base.SendAsync(request, cancellationToken);
    }
}
