using System.Net;
using System.Net.Http.Headers;
using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary>
/// A raw HttpClient against a <see cref="DigestServer"/>, with no AuthActors handler: tests
/// build every Authorization header themselves with the protocol core's writer, so they see
/// exactly what the server does with each one.
/// </summary>
internal sealed class DigestTestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _client;

    public DigestTestClient(DigestServer server, IWebProxy? proxy = null)
    {
        var handler = new SocketsHttpHandler { UseProxy = proxy is not null, Proxy = proxy, AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout };
    }

    public HttpClient Http => _client;

    public Task<HttpResponseMessage> GetAsync(string target, string? authorization = null) =>
        SendAsync(HttpMethod.Get, target, authorization);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string target, string? authorization = null, byte[]? body = null, bool proxy = false)
    {
        var request = new HttpRequestMessage(method, target);
        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(proxy ? "Proxy-Authorization" : "Authorization", authorization));
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        return _client.SendAsync(request);
    }

    /// <summary>Sends without credentials and returns the Digest challenges of the 401 (or 407), in order.</summary>
    public async Task<IReadOnlyList<DigestChallenge>> GetChallengesAsync(string target, bool proxy = false)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, target);
        Assert.Equal(proxy ? HttpStatusCode.ProxyAuthenticationRequired : HttpStatusCode.Unauthorized, response.StatusCode);
        return Challenges(response, proxy);
    }

    public async Task<DigestChallenge> GetChallengeAsync(string target, bool proxy = false) => (await GetChallengesAsync(target, proxy))[0];

    /// <summary>The Digest challenges of a response, parsed by the protocol core, in field order.</summary>
    public static IReadOnlyList<DigestChallenge> Challenges(HttpResponseMessage response, bool proxy = false)
    {
        IEnumerable<string> fields = proxy
            ? response.Headers.GetValues("Proxy-Authenticate")
            : response.Headers.GetValues("WWW-Authenticate");
        ChallengeParseResult parsed = ChallengeParser.Parse(fields);
        Assert.True(parsed.IsSuccess, parsed.Error);
        var digests = new List<DigestChallenge>();
        foreach (AuthChallenge challenge in parsed.Challenges)
        {
            Assert.True(DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out string? error), error);
            digests.Add(digest);
        }

        return digests;
    }

    /// <summary>The raw challenge field values of a response.</summary>
    public static string[] ChallengeFields(HttpResponseMessage response, bool proxy = false) =>
        [.. proxy ? response.Headers.GetValues("Proxy-Authenticate") : response.Headers.GetValues("WWW-Authenticate")];

    /// <summary>The DigestRequest a well-behaved client would build for this challenge.</summary>
    public static DigestRequest Request(
        DigestChallenge challenge,
        string method,
        string uri,
        string user = "user",
        string password = "passwd",
        uint nc = 1,
        DigestQop? qop = null,
        byte[]? body = null,
        bool userHash = false,
        string? cnonce = null,
        string? opaque = null,
        string? nonce = null)
    {
        DigestAlgorithm algorithm = challenge.Algorithm;
        string useNonce = nonce ?? challenge.Nonce;
        string useCnonce = cnonce ?? DigestCalculator.CreateCnonce();
        DigestQop useQop = qop ?? challenge.PreferredQop();
        string ha1 = DigestCalculator.ComputeHa1(algorithm, user, challenge.Realm, password);
        if (DigestAlgorithms.IsSession(algorithm))
        {
            ha1 = DigestCalculator.ComputeSessionHa1(algorithm, ha1, useNonce, useCnonce);
        }

        return new DigestRequest
        {
            Algorithm = algorithm,
            AlgorithmToken = challenge.AlgorithmToken,
            UserName = user,
            Realm = challenge.Realm,
            Nonce = useNonce,
            Ha1 = ha1,
            Method = method,
            DigestUri = uri,
            Qop = useQop,
            Nc = nc,
            Cnonce = useCnonce,
            Opaque = opaque ?? challenge.Opaque,
            UserHash = userHash,
            Utf8 = challenge.Utf8,
            BodyHashHex = useQop == DigestQop.AuthInt ? DigestCalculator.HashBody(algorithm, body ?? []) : null,
        };
    }

    /// <summary>The Authorization value for <see cref="Request"/>'s arguments.</summary>
    public static string Authorization(
        DigestChallenge challenge,
        string method,
        string uri,
        string user = "user",
        string password = "passwd",
        uint nc = 1,
        DigestQop? qop = null,
        byte[]? body = null,
        bool userHash = false,
        string? cnonce = null,
        string? opaque = null,
        string? nonce = null) =>
        DigestAuthorizationWriter.Write(Request(challenge, method, uri, user, password, nc, qop, body, userHash, cnonce, opaque, nonce));

    /// <summary>The value of a parameter in a challenge field, or null.</summary>
    public static string? Parameter(DigestChallenge challenge, string name) => challenge.Source.GetParameter(name);

    public void Dispose() => _client.Dispose();
}
