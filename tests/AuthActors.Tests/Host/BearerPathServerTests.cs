using System.Net;
using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>The embedded server's Bearer paths (RFC 6750 §2.1, §3): realm <c>api</c>, tokens from its own endpoint, time from a manual clock.</summary>
public sealed class BearerPathServerTests
{
    private const string Path = "/bearer/orders/1";

    [Fact]
    public async Task Bearer_NoAuthorization_Returns401WithTheRealmAndNoErrorCode()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, authorization: null);

        // RFC 6750 §3.1: a request without authentication information gets no error code.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\"", BearerTestClient.Challenge(response));
        Assert.Equal(1, server.Stats.Challenges);
    }

    [Fact]
    public async Task Bearer_AnotherScheme_Returns401WithNoErrorCode()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, BearerTestClient.Basic("user", "passwd"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\"", BearerTestClient.Challenge(response));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task Bearer_IssuedToken_Returns200WhateverTheSchemeCase(string scheme)
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);
        string token = await BearerTestClient.GetTokenAsync(http);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, scheme + " " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok.............\n", await response.Content.ReadAsStringAsync());
        Assert.Equal((1, 0), (server.Stats.BearerOk, server.Stats.InvalidTokens));
    }

    [Fact]
    public async Task Bearer_TokenThisServerDidNotIssue_Returns401InvalidToken()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, "Bearer AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\", error=\"invalid_token\"", BearerTestClient.Challenge(response));
        Assert.Equal((0, 1), (server.Stats.BearerOk, server.Stats.InvalidTokens));
    }

    [Fact]
    public async Task Bearer_TokenWithOneCharacterChanged_Returns401InvalidToken()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);
        string token = await BearerTestClient.GetTokenAsync(http);
        string tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, "Bearer " + tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\", error=\"invalid_token\"", BearerTestClient.Challenge(response));
    }

    [Fact]
    public async Task Bearer_TokenPastItsLifetime_Returns401InvalidToken()
    {
        var time = new ManualTimeProvider();
        await using DigestServer server = await BearerTestClient.StartAsync(time, TimeSpan.FromSeconds(30));
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);
        string token = await BearerTestClient.GetTokenAsync(http);

        time.Advance(TimeSpan.FromSeconds(30));
        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\", error=\"invalid_token\"", BearerTestClient.Challenge(response));
        Assert.Equal(1, server.Stats.InvalidTokens);
    }

    [Fact]
    public async Task Bearer_TokenJustBeforeItsExpiry_Returns200()
    {
        var time = new ManualTimeProvider();
        await using DigestServer server = await BearerTestClient.StartAsync(time, TimeSpan.FromSeconds(30));
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);
        string token = await BearerTestClient.GetTokenAsync(http);

        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_RevokedToken_Returns401InvalidTokenWhileANewOneWorks()
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);
        string revoked = await BearerTestClient.GetTokenAsync(http);

        server.RevokeAllTokens();
        string fresh = await BearerTestClient.GetTokenAsync(http);
        using HttpResponseMessage refused = await BearerTestClient.GetAsync(http, Path, "Bearer " + revoked);
        using HttpResponseMessage accepted = await BearerTestClient.GetAsync(http, Path, "Bearer " + fresh);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer realm=\"api\", error=\"invalid_token\"", BearerTestClient.Challenge(refused));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("Bearer a b")]
    [InlineData("Bearer abc\"def")]
    [InlineData("Bearer ===")]
    [InlineData("Bearer")]
    public async Task Bearer_MalformedCredentials_Returns400InvalidRequest(string authorization)
    {
        await using DigestServer server = await BearerTestClient.StartAsync();
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, Path, authorization);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bearer realm=\"api\", error=\"invalid_request\"", BearerTestClient.Challenge(response));
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task Bearer_ConfiguredRealmAndPath_AreWhatTheChallengeNames()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { BearerPath = "/api/", BearerRealm = "orders" });
        using HttpClient http = BearerTestClient.Create(server.BaseAddress);

        using HttpResponseMessage response = await BearerTestClient.GetAsync(http, "/api/x", authorization: null);

        Assert.Equal("Bearer realm=\"orders\"", BearerTestClient.Challenge(response));
    }
}
