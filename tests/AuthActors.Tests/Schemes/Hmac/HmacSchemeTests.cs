using System.Net;
using AuthActors.Http;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>The documented custom scheme (docs/schemes.md) end to end: registered through DI with
/// <c>AddScheme</c>, its key from the credential chain, against a server that checks signatures.</summary>
public sealed class HmacSchemeTests
{
    [Fact]
    public async Task RegisteredThroughDI_SignsRequestsTheServerAccepts()
    {
        await using HmacTestServer server = await HmacTestServer.StartAsync("key-1", "hmac-secret");
        await using TestHost provider = await BuildServices(server.BaseAddress, "key-1", "hmac-secret");
        HttpClient client = provider.Services.GetRequiredService<IHttpClientFactory>().CreateClient("signed");

        using HttpResponseMessage first = await client.GetAsync(new Uri(server.BaseAddress, "/orders?page=2"));
        using HttpResponseMessage second = await client.PostAsync(new Uri(server.BaseAddress, "/orders"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, server.Requests); // one challenge, then every request signed up front
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task WrongSecret_ReturnedOnceWithReasonAndNeverLoops()
    {
        await using HmacTestServer server = await HmacTestServer.StartAsync("key-1", "hmac-secret");
        await using TestHost provider = await BuildServices(server.BaseAddress, "key-1", "not-the-secret");
        HttpClient client = provider.Services.GetRequiredService<IHttpClientFactory>().CreateClient("signed");

        using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason));
        Assert.Contains("refused the signature of key 'key-1'", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", reason, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests); // discovery, one signed retry, no loop
    }

    [Fact]
    public async Task Lease_SignsMethodTargetAndTimeOfTheSpaceClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var lease = new HmacLease("key-1", "hmac-secret"u8.ToArray(), clock);

        string? header = await lease.CreateHeaderValueAsync(
            new AuthRequest(HttpMethod.Get, new Uri("http://127.0.0.1/a?b=1"), "/a?b=1", null, IsProxy: false), CancellationToken.None);

        string signature = HmacSigner.Sign("hmac-secret"u8, "GET\n/a?b=1\n1700000000");
        Assert.Equal($"Hmac keyId=\"key-1\", ts=\"1700000000\", signature=\"{signature}\"", header);
    }

    [Fact]
    public void Lease_ToString_HidesTheSecret()
    {
        var lease = new HmacLease("key-1", "hmac-secret"u8.ToArray(), TimeProvider.System);

        Assert.DoesNotContain("hmac-secret", lease.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Hmac lease for ", lease.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What an application writes: the scheme and a key for the origin, one named client.</summary>
    private static Task<TestHost> BuildServices(Uri origin, string keyId, string secret) =>
        TestHost.StartAsync(services =>
        {
            services.AddAuthActors(b => b
                .AddScheme(new HmacScheme())
                .AddCredential(origin, keyId, secret));
            services.AddHttpClient("signed")
                .AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        });
}
