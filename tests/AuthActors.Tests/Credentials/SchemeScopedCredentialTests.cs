using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuthActors.Tests.Credentials;

/// <summary>
/// A credential says which auth-schemes it may answer: an OAuth client secret meant for the
/// token endpoint never answers a Basic challenge from the same origin (in clear over http), and
/// Bearer with client credentials comes from configuration as well as code.
/// </summary>
public sealed class SchemeScopedCredentialTests
{
    [Fact]
    public async Task BearerScopedClientSecret_FromConfiguration_GetsATokenButNeverAnswersBasic()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using IHost host = BuildHost(server, $$"""
            authactors {
              bearer { token-endpoint = "{{new Uri(server.BaseAddress, "/oauth/token")}}", allow-http = true }
              credentials.sources = configuration
              credentials.entries.oauth { origin = "{{server.BaseAddress.GetLeftPart(UriPartial.Authority)}}", username = client, password = secret, schemes = Bearer }
            }
            """);
        await host.StartAsync();
        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using HttpResponseMessage bearer = await client.GetAsync(new Uri(server.BaseAddress, "/bearer/x"));
        using HttpResponseMessage basic = await client.GetAsync(new Uri(server.BaseAddress, "/basic/x"));

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        // The origin's Bearer token may go along preemptively; the client secret never does.
        Assert.NotEqual("Basic", basic.RequestMessage!.Headers.Authorization?.Scheme);
        Assert.True(basic.RequestMessage.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason));
        Assert.Contains("for Bearer only", reason, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task UnscopedCredential_StillAnswersBasic()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using IHost host = BuildHost(server, $$"""
            authactors.credentials.sources = configuration
            authactors.credentials.entries.web { origin = "{{server.BaseAddress.GetLeftPart(UriPartial.Authority)}}", username = user, password = passwd }
            """);
        await host.StartAsync();
        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using HttpResponseMessage basic = await client.GetAsync(new Uri(server.BaseAddress, "/basic/x"));

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task InMemory_ABasicPasswordAndABearerSecretForOneOrigin_EachAnswerItsOwnScheme()
    {
        var origin = new Uri("https://api.example.com");
        var source = new InMemoryCredentialSource()
            .Add(origin, "alice", "alice-password")
            .Add(origin, new Credential("client", "client-secret").ForSchemes("Bearer"));

        CredentialAnswer basic = await source.GetAsync(new CredentialRequest(origin, "r", "Basic", IsProxy: false), default);
        CredentialAnswer bearer = await source.GetAsync(new CredentialRequest(origin, "r", "bearer", IsProxy: false), default);

        Assert.Equal("alice", basic.Credential!.UserName);
        Assert.Equal("client", bearer.Credential!.UserName);
    }

    [Fact]
    public async Task Chain_ACredentialScopedToOtherSchemes_IsPassedOver_ForTheNextSource()
    {
        var origin = new Uri("https://api.example.com");
        var scoped = new InMemoryCredentialSource().Add(origin, new Credential("client", "client-secret").ForSchemes("Bearer"));
        var chain = new CredentialChain([new OnlyAnswer(new Credential("client", "client-secret").ForSchemes("Bearer")), new InMemoryCredentialSource().Add(origin, "alice", "pw")]);

        CredentialResolution scopedOnly = await new CredentialChain([scoped]).ResolveAsync(new CredentialRequest(origin, "r", "Basic", IsProxy: false));
        CredentialResolution next = await chain.ResolveAsync(new CredentialRequest(origin, "r", "Digest", IsProxy: false));

        Assert.Null(scopedOnly.Credential);
        Assert.Equal("alice", next.Credential!.UserName);
    }

    private static IHost BuildHost(DigestServer server, string hocon)
    {
        _ = server;
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddAuthActorsReference().AddHoconString(hocon);
        builder.Services.AddAuthActors();
        builder.Services.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        return builder.Build();
    }

    /// <summary>A custom source that answers every request with one credential.</summary>
    private sealed class OnlyAnswer(Credential credential) : ICredentialSource
    {
        public string Name => "custom";

        public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CredentialAnswer.Found(credential));

        public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => new Microsoft.Extensions.Primitives.CancellationChangeToken(CancellationToken.None);
    }
}
