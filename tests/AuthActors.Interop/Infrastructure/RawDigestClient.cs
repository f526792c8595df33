using System.Net;
using System.Net.Http.Headers;
using AuthActors.Protocol;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A hand-driven Digest client built from the protocol core, for pinning down a server's
/// behaviour exactly (which nc it accepts, what it answers): one challenge, then requests with
/// the nc the test chooses. Not how AuthActors sends; that is what the other tests are for.
/// </summary>
/// <remarks>With <paramref name="proxy"/>, the request goes through that proxy and the challenge and
/// credentials are the proxy's (407, Proxy-Authenticate, Proxy-Authorization; digest-uri in absolute form).</remarks>
internal sealed class RawDigestClient(Uri url, string userName, string password, Uri? proxy = null)
{
    private readonly string _challengeHeader = proxy is null ? "WWW-Authenticate" : "Proxy-Authenticate";
    private readonly string _credentialsHeader = proxy is null ? "Authorization" : "Proxy-Authorization";

    private DigestChallenge? _challenge;
    private readonly string _cnonce = DigestCalculator.CreateCnonce();

    /// <summary>Asks for a challenge (a GET without credentials) and keeps the first Digest one,
    /// or the first with <paramref name="algorithm"/>.</summary>
    public async Task ChallengeAsync(DigestAlgorithm? algorithm = null)
    {
        using HttpClient http = CreateHttp();
        using HttpResponseMessage response = await http.GetAsync(url);
        _challenge = Parse(response, _challengeHeader, algorithm) ?? throw new InvalidOperationException($"no Digest challenge from {url}: {(int)response.StatusCode}");
    }

    /// <summary>Sends a GET with nc = <paramref name="nc"/> on the challenge's nonce, each on a new
    /// connection; returns the status and the new challenge if there was one.</summary>
    public async Task<(HttpStatusCode Status, string? Challenge)> SendAsync(uint nc)
    {
        DigestChallenge challenge = _challenge ?? throw new InvalidOperationException("call ChallengeAsync first");
        var request = new DigestRequest
        {
            Algorithm = challenge.Algorithm,
            AlgorithmToken = challenge.AlgorithmToken,
            UserName = userName,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Ha1 = DigestCalculator.ComputeHa1(challenge.Algorithm, userName, challenge.Realm, password),
            Method = "GET",
            DigestUri = proxy is null ? url.PathAndQuery : url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped),
            Qop = challenge.PreferredQop(),
            Nc = nc,
            Cnonce = _cnonce,
            Opaque = challenge.Opaque,
        };
        using HttpClient http = CreateHttp();
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation(_credentialsHeader, DigestAuthorizationWriter.Write(request));
        using HttpResponseMessage response = await http.SendAsync(message);
        string? next = response.Headers.NonValidated.TryGetValues(_challengeHeader, out HeaderStringValues values) ? values.ToString() : null;
        return (response.StatusCode, next);
    }

    private HttpClient CreateHttp() => new(new SocketsHttpHandler
    {
        UseProxy = proxy is not null,
        Proxy = proxy is null ? null : new WebProxy(proxy),
    });

    private static DigestChallenge? Parse(HttpResponseMessage response, string header, DigestAlgorithm? algorithm)
    {
        if (!response.Headers.NonValidated.TryGetValues(header, out HeaderStringValues values))
        {
            return null;
        }

        foreach (AuthChallenge challenge in ChallengeParser.Parse(values).Challenges)
        {
            if (challenge.IsScheme("Digest") && DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out _)
                && (algorithm is null || digest.Algorithm == algorithm))
            {
                return digest;
            }
        }

        return null;
    }
}
