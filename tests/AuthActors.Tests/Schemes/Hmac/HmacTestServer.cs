using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;
using AuthActors.Tests.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>
/// A Kestrel server on 127.0.0.1 that accepts only requests signed as <see cref="HmacSigner"/>
/// describes, with a known key and a timestamp within five minutes; anything else gets
/// <c>401 WWW-Authenticate: Hmac realm="x"</c>.
/// </summary>
internal sealed class HmacTestServer : IAsyncDisposable
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, byte[]> _keys;
    private TestWebServer? _server;
    private int _requests;
    private int _accepted;

    private HmacTestServer(Dictionary<string, byte[]> keys) => _keys = keys;

    public Uri BaseAddress => _server!.BaseAddress;

    public int Requests => Volatile.Read(ref _requests);

    public int Accepted => Volatile.Read(ref _accepted);

    public static async Task<HmacTestServer> StartAsync(string keyId, string secret)
    {
        var server = new HmacTestServer(new Dictionary<string, byte[]>(StringComparer.Ordinal) { [keyId] = Encoding.UTF8.GetBytes(secret) });
        server._server = await TestWebServer.StartAsync(server.HandleAsync);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!IsValid(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Hmac realm=\"x\"";
            return;
        }

        Interlocked.Increment(ref _accepted);
        await context.Response.WriteAsync("signed ok");
    }

    private bool IsValid(HttpContext context)
    {
        // Credentials share the challenge syntax (RFC 7235 §2.1), so the library's parser reads them.
        ChallengeParseResult parsed = ChallengeParser.Parse(context.Request.Headers.Authorization.ToString());
        if (!parsed.IsSuccess || parsed.Challenges.Count != 1 || !parsed.Challenges[0].IsScheme(HmacSigner.SchemeName))
        {
            return false;
        }

        AuthChallenge credentials = parsed.Challenges[0];
        if (credentials.GetParameter("keyId") is not { } keyId || !_keys.TryGetValue(keyId, out byte[]? key)
            || !long.TryParse(credentials.GetParameter("ts"), out long ts)
            || credentials.GetParameter("signature") is not { } signature)
        {
            return false;
        }

        if ((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > s_window)
        {
            return false;
        }

        string target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        string expected = HmacSigner.Sign(key, HmacSigner.StringToSign(context.Request.Method, target, ts));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
