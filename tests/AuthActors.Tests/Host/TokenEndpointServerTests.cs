using System.Net;
using System.Text.Json;
using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>The embedded server's token endpoint: the client credentials grant (RFC 6749 §4.4) with HTTP Basic client authentication (§2.3.1).</summary>
public sealed class TokenEndpointServerTests
{
    private static readonly string s_clientBasic = BearerTestClient.Basic("client", "secret");

    [Fact]
    public async Task Token_ClientCredentialsWithBasic_IssuesABearerTokenAsJson()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, s_clientBasic);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", Assert.Single(response.Headers.Pragma).ToString());
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        JsonElement root = json.RootElement;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", root.GetProperty("access_token").GetString());
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(30, root.GetProperty("expires_in").GetInt32());
        Assert.False(root.TryGetProperty("scope", out _));
        Assert.Equal((1, 1), (server.Stats.TokenRequests, server.Stats.TokensIssued));
    }

    [Fact]
    public async Task Token_TwoRequests_GetDifferentTokens()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        string first = await BearerTestClient.GetTokenAsync(http);
        string second = await BearerTestClient.GetTokenAsync(http);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Token_Scope_IsEchoed()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, s_clientBasic, "grant_type=client_credentials&scope=orders.read+orders%3Awrite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal("orders.read orders:write", json.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_FormEncodedClientIdAndSecret_AreDecodedBeforeTheyAreCompared()
    {
        // RFC 6749 §2.3.1: id and secret are form-urlencoded (Appendix B) before they become Basic's
        // user-id and password; the Appendix's own example is the secret here.
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Clients = new Dictionary<string, string>(StringComparer.Ordinal) { ["my:client"] = " %&+£€" },
        });
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, BearerTestClient.Basic("my%3Aclient", "+%25%26%2B%C2%A3%E2%82%AC"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client", "wrong")]
    [InlineData("nobody", "secret")]
    [InlineData("client", "")]
    public async Task Token_ClientNotAuthenticated_Returns401InvalidClientWithABasicChallenge(string clientId, string secret)
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, BearerTestClient.Basic(clientId, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic realm=", BearerTestClient.Challenge(response), StringComparison.Ordinal);
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
        Assert.Equal((1, 0), (server.Stats.TokenRequests, server.Stats.TokensIssued));
    }

    [Fact]
    public async Task Token_NoClientAuthentication_Returns401InvalidClient()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_UnsupportedGrant_Returns400UnsupportedGrantType()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, s_clientBasic, "grant_type=password&username=u&password=p");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal("unsupported_grant_type", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, server.Stats.TokensIssued);
    }

    /// <summary>Malformed requests from an authenticated client: each gets its RFC 6749 §5.2 error code.</summary>
    [Theory]
    [InlineData("scope=x", BearerTestClient.FormType, 400, "invalid_request")]
    [InlineData("grant_type=client_credentials&grant_type=client_credentials", BearerTestClient.FormType, 400, "invalid_request")]
    [InlineData("{\"grant_type\":\"client_credentials\"}", "application/json", 400, "invalid_request")]
    [InlineData("grant_type=client_credentials&scope=a%22b", BearerTestClient.FormType, 400, "invalid_scope")]
    [InlineData("grant_type=client_credentials&scope=a++b", BearerTestClient.FormType, 400, "invalid_scope")]
    [InlineData("grant_type=client_credentials&client_id=other", BearerTestClient.FormType, 400, "invalid_request")]
    [InlineData("grant_type=client_credentials&client_secret=secret", BearerTestClient.FormType, 400, "invalid_request")]
    [InlineData("grant_type=client_credentials%ZZ", BearerTestClient.FormType, 400, "invalid_request")]
    public async Task Token_MalformedRequest_ReturnsTheErrorCodeWithAPrintableDescription(string body, string contentType, int status, string error)
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, s_clientBasic, body, contentType);

        Assert.Equal(status, (int)response.StatusCode);
        using JsonDocument json = await BearerTestClient.JsonAsync(response);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());

        // RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E.
        Assert.Matches("^[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+$", json.RootElement.GetProperty("error_description").GetString());
        Assert.Equal(0, server.Stats.TokensIssued);
    }

    [Fact]
    public async Task Token_Get_Returns405AllowingPost()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, "/oauth/token", s_clientBasic);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Token_BodyOverTheLimit_Returns400InvalidRequest()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.PostTokenAsync(http, s_clientBasic, "grant_type=client_credentials&pad=" + new string('x', DigestServer.MaxTokenRequestBytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.Stats.TokensIssued);
    }

    [Fact]
    public async Task Options_TokenLifetimeUnderOneSecond_AreRefused()
    {
        // expires_in is whole seconds (RFC 6749 §5.1): 500 ms would be announced as 0.
        ArgumentOutOfRangeException e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => DigestServer.StartAsync(new DigestServerOptions { TokenLifetime = TimeSpan.FromMilliseconds(500) }));

        Assert.Contains("TokenLifetime", e.Message, StringComparison.Ordinal);
    }
}
