using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// Sits below the AuthActors handler and records every exchange that reached the wire; with
/// <c>keep: false</c> it only counts them (a crawl over many origins must not measure its own log).
/// </summary>
internal sealed partial class WireRecorder(HttpMessageHandler inner, bool keep = true) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<WireExchange> _exchanges = new();
    private int _answered;

    public IReadOnlyList<WireExchange> Exchanges => [.. _exchanges];

    /// <summary>Exchanges that got a response (each is one line in the server's access log).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public int Count(HttpStatusCode status) => _exchanges.Count(e => e.Status == (int)status);

    public int StaleChallenges => _exchanges.Count(e => e.StaleChallenge);

    /// <summary>Responses that handed out a nextnonce (Authentication-Info or Proxy-Authentication-Info).</summary>
    public int NextNonces => _exchanges.Count(e => e.NextNonce);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? origin = Header(request, "Authorization");
        string? proxy = Header(request, "Proxy-Authorization");
        string? credentials = proxy ?? origin;
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            bool stale = HasMatch(response, "WWW-Authenticate", StalePattern()) || HasMatch(response, "Proxy-Authenticate", StalePattern());
            bool next = HasMatch(response, "Authentication-Info", NextNoncePattern()) || HasMatch(response, "Proxy-Authentication-Info", NextNoncePattern());
            Record(request, (int)response.StatusCode, credentials, proxy is not null, stale, next, null);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            Record(request, null, credentials, proxy is not null, false, false, e.GetType().Name);
            throw;
        }
    }

    private void Record(HttpRequestMessage request, int? status, string? credentials, bool proxy, bool stale, bool next, string? error)
    {
        if (status is not null)
        {
            Interlocked.Increment(ref _answered);
        }

        if (!keep)
        {
            return;
        }

        _exchanges.Enqueue(new WireExchange(
            request.Method.Method,
            request.RequestUri!,
            status,
            credentials is null ? null : credentials.Split(' ', 2)[0],
            Match(AlgorithmPattern(), credentials),
            Match(NcPattern(), credentials),
            Match(UserPattern(), credentials),
            proxy,
            stale,
            next,
            error));
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values) ? values.ToString() : null;

    private static bool HasMatch(HttpResponseMessage response, string name, Regex pattern) =>
        response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values)
        && values.Any(pattern.IsMatch);

    private static string? Match(Regex pattern, string? value)
    {
        if (value is null)
        {
            return null;
        }

        System.Text.RegularExpressions.Match match = pattern.Match(value);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:^|[\s,])algorithm=""?([A-Za-z0-9-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AlgorithmPattern();

    [GeneratedRegex(@"(?:^|[\s,])nc=([0-9a-fA-F]{8})", RegexOptions.IgnoreCase)]
    private static partial Regex NcPattern();

    [GeneratedRegex(@"(?:^|[\s,])username=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"(?:^|[\s,])stale=""?true", RegexOptions.IgnoreCase)]
    private static partial Regex StalePattern();

    [GeneratedRegex(@"(?:^|[\s,])nextnonce=", RegexOptions.IgnoreCase)]
    private static partial Regex NextNoncePattern();
}
