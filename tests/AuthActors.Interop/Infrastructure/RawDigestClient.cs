using System.Net;
using System.Net.Http.Headers;
using AuthActors.Protocol;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A hand-driven Digest client built from the protocol core, for pinning down a server's
/// behaviour exactly (which nc it accepts, what it answers): one challenge, then requests with
/// the nc the test chooses. Not how AuthActors sends; that is what the other tests are for.
/// </summary>
internal sealed class RawDigestClient(Uri url, string userName, string password)
{
    private DigestChallenge? _challenge;
    private readonly string _cnonce = DigestCalculator.CreateCnonce();

    /// <summary>Asks for a challenge (a GET without credentials) and keeps the first Digest one,
    /// or the first with <paramref name="algorithm"/>.</summary>
    public async Task ChallengeAsync(DigestAlgorithm? algorithm = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using HttpResponseMessage response = await http.GetAsync(url);
        _challenge = Parse(response, algorithm) ?? throw new InvalidOperationException($"no Digest challenge from {url}: {(int)response.StatusCode}");
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
            DigestUri = url.PathAndQuery,
            Qop = challenge.PreferredQop(),
            Nc = nc,
            Cnonce = _cnonce,
            Opaque = challenge.Opaque,
        };
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("Authorization", DigestAuthorizationWriter.Write(request));
        using HttpResponseMessage response = await http.SendAsync(message);
        string? next = response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out HeaderStringValues values) ? values.ToString() : null;
        return (response.StatusCode, next);
    }

    private static DigestChallenge? Parse(HttpResponseMessage response, DigestAlgorithm? algorithm)
    {
        if (!response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out HeaderStringValues values))
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
