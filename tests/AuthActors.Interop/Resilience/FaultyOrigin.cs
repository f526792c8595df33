using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Interop.Resilience;

/// <summary>An origin that misbehaves in one way: a transport fault (through a <see cref="FaultProxy"/>
/// in front of a real Digest server) or a bad answer (a tiny Kestrel app).</summary>
internal sealed class FaultyOrigin : IAsyncDisposable
{
    public const string Reset = "reset";
    public const string CloseAfterRequest = "close-after-request";
    public const string Blackhole = "blackhole";
    public const string MalformedChallenge = "malformed-challenge";
    public const string ChallengeStorm = "401-storm";
    public const string StaleStorm = "stale-storm";

    /// <summary>An unterminated quoted string: no parser can take a challenge out of this.</summary>
    public const string MalformedChallengeValue = "Digest realm=\"broken, nonce=\"abc, qop=\"auth";

    private readonly IAsyncDisposable[] _parts;

    private FaultyOrigin(Uri baseAddress, params IAsyncDisposable[] parts)
    {
        BaseAddress = baseAddress;
        _parts = parts;
    }

    public Uri BaseAddress { get; }

    public static async Task<FaultyOrigin> StartAsync(string kind)
    {
        switch (kind)
        {
            case Reset or CloseAfterRequest or Blackhole:
                DigestServer upstream = await DigestServer.StartAsync(InteropServers.DigestOptions());
                var proxy = new FaultProxy(upstream.BaseAddress, kind switch
                {
                    Reset => FaultMode.Reset,
                    CloseAfterRequest => FaultMode.CloseAfterRequest,
                    _ => FaultMode.Blackhole,
                });
                return new FaultyOrigin(proxy.BaseAddress, proxy, upstream);
            case MalformedChallenge:
                return await FromKestrelAsync(context => Challenge(context, MalformedChallengeValue));
            case ChallengeStorm:
                // A fresh, well-formed challenge for every request, credentials or not.
                return await FromKestrelAsync(context => Challenge(context, FreshChallenge(stale: false)));
            case StaleStorm:
                // Credentials are always "stale": the nonce never lives long enough to be used.
                return await FromKestrelAsync(context => Challenge(context, FreshChallenge(stale: context.Request.Headers.Authorization.Count > 0)));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fault");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable part in _parts)
        {
            await part.DisposeAsync();
        }
    }

    private static async Task<FaultyOrigin> FromKestrelAsync(RequestDelegate handler)
    {
        KestrelOrigin origin = await KestrelOrigin.StartAsync(handler);
        return new FaultyOrigin(origin.BaseAddress, origin);
    }

    private static Task Challenge(HttpContext context, string challenge)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = challenge;
        return Task.CompletedTask;
    }

    private static string FreshChallenge(bool stale) => string.Create(
        CultureInfo.InvariantCulture,
        $"Digest realm=\"faulty\", nonce=\"{Guid.NewGuid():N}\", qop=\"auth\", algorithm=SHA-256{(stale ? ", stale=true" : "")}");
}
