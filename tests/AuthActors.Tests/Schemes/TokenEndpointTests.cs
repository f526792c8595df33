using System.Net;
using System.Text;
using AuthActors.Credentials;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Schemes;

/// <summary>The client credentials request (RFC 6749 §4.4.2, §2.3.1, Appendix B) and the reading of
/// token responses (§5.1, §5.2), including what servers get wrong.</summary>
public sealed class TokenEndpointTests
{
    private static readonly Uri s_endpoint = new("https://auth.example/oauth/token?tenant=t1");

    [Fact]
    public void FormEncode_AppendixBExample_MatchesRfc()
    {
        // RFC 6749 Appendix B: " %&+£€" is encoded as "+%25%26%2B%C2%A3%E2%82%AC".
        Assert.Equal("+%25%26%2B%C2%A3%E2%82%AC", TokenEndpointClient.FormEncode(" %&+£€"));
    }

    [Theory]
    [InlineData("AZaz09*-._", "AZaz09*-._")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("!~'()/", "%21%7E%27%28%29%2F")]
    public void FormEncode_KeepsOnlyUnreservedFormCharacters(string value, string expected)
    {
        Assert.Equal(expected, TokenEndpointClient.FormEncode(value));
    }

    [Fact]
    public void ClientAuthentication_EncodesIdAndSecretBeforeBasic()
    {
        string token68 = TokenEndpointClient.CreateClientAuthentication("app:1", "p@ss word");

        Assert.Equal("app%3A1:p%40ss+word", Encoding.UTF8.GetString(Convert.FromBase64String(token68)));
    }

    [Fact]
    public async Task Request_IsAFormPostWithBasicClientAuthenticationAndScope()
    {
        using var stub = new StubTokenHandler();
        TokenEndpointClient client = NewClient(stub, scope: "read write");

        TokenEndpointResult result = await client.RequestAsync(TokenEndpointClient.CreateClientAuthentication("app", "secret"), new Credential("app", "secret"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        (HttpMethod method, string? authorization, string body) = Assert.Single(stub.Sent);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("app:secret")), authorization);
        Assert.Equal("grant_type=client_credentials&scope=read+write", body);
    }

    [Fact]
    public async Task Request_WithoutScope_SendsOnlyTheGrantType()
    {
        using var stub = new StubTokenHandler();

        await NewClient(stub).RequestAsync("x", new Credential("app", "secret"), CancellationToken.None);

        Assert.Equal("grant_type=client_credentials", Assert.Single(stub.Sent).Body);
    }

    [Fact]
    public async Task Request_NoAnswerWithinTimeout_FailsNamingTheTimeout()
    {
        var clock = new FakeTimeProvider();
        using var hanging = new HangingHandler();
        var client = new TokenEndpointClient(s_endpoint, new BearerSchemeOptions
        {
            TokenEndpoint = s_endpoint,
            TokenRequestTimeout = TimeSpan.FromSeconds(5),
            TokenClientFactory = () => new HttpMessageInvoker(hanging, disposeHandler: false),
        }, clock);

        Task<TokenEndpointResult> request = client.RequestAsync("x", new Credential("app", "secret"), CancellationToken.None);
        await hanging.Entered.Task.WaitAsync(TestTimeouts.Default);
        clock.Advance(TimeSpan.FromSeconds(5));
        TokenEndpointResult result = await request.WaitAsync(TestTimeouts.Default);

        Assert.False(result.IsSuccess);
        Assert.Contains("did not answer within 00:00:05", result.Error, StringComparison.Ordinal);
        Assert.Contains("https://auth.example/oauth/token", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_HugeBody_FailsWithoutParsingIt()
    {
        using var stub = new StubTokenHandler
        {
            Respond = _ => StubTokenHandler.Json(HttpStatusCode.OK, "{\"access_token\":\"" + new string('a', TokenEndpointClient.MaxResponseBytes) + "\"}"),
        };

        TokenEndpointResult result = await NewClient(stub).RequestAsync("x", new Credential("app", "secret"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":3600}""", 3600)]
    [InlineData("""{"access_token":"abc","token_type":"bearer","expires_in":60.9}""", 60)]
    [InlineData("""{"access_token":"abc","token_type":"BEARER","expires_in":"120"}""", 120)]
    [InlineData("""{"access_token":"abc","token_type":"Bearer"}""", null)]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":null,"scope":"x"}""", null)]
    public void Parse_ValidResponses_GiveTokenAndLifetime(string json, int? seconds)
    {
        TokenEndpointResult result = Parse(HttpStatusCode.OK, json);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("abc", result.AccessToken);
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, result.ExpiresIn);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<html>oops</html>", "not JSON")]
    [InlineData(HttpStatusCode.OK, "[1,2]", "not a JSON object")]
    [InlineData(HttpStatusCode.OK, """{"token_type":"Bearer"}""", "without an access_token")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"","token_type":"Bearer"}""", "without an access_token")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"abc"}""", "without a token_type")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"abc","token_type":"mac"}""", "of type 'mac', not Bearer")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"a b","token_type":"Bearer"}""", "not a b64token")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"abc\r\nX-Evil: 1","token_type":"Bearer"}""", "not a b64token")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"abc","token_type":"Bearer","expires_in":0}""", "not positive")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"abc","token_type":"Bearer","expires_in":"soon"}""", "not a number")]
    [InlineData(HttpStatusCode.BadRequest, """{"error":"invalid_scope","error_description":"no such scope"}""", "400 BadRequest: invalid_scope (no such scope)")]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""", "401 Unauthorized: invalid_client")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "down for maintenance", "503 ServiceUnavailable")]
    [InlineData(HttpStatusCode.Created, """{"access_token":"abc","token_type":"Bearer"}""", "201 Created")]
    public void Parse_BadResponses_FailWithAClearReason(HttpStatusCode status, string body, string expected)
    {
        TokenEndpointResult result = Parse(status, body);

        Assert.False(result.IsSuccess);
        Assert.Null(result.AccessToken);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongTokenType_NeverQuotesTheToken()
    {
        TokenEndpointResult result = Parse(HttpStatusCode.OK, """{"access_token":"very-secret-token","token_type":"mac"}""");

        Assert.DoesNotContain("very-secret-token", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-token", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonJsonTokenBody_NeverQuotesIt()
    {
        TokenEndpointResult result = Parse(HttpStatusCode.OK, "Xsecret-raw-token");

        Assert.DoesNotContain("Xsecret", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'X'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorDescriptionEchoingTheSecret_IsScrubbedAndBounded()
    {
        string echo = "client secret hunter2 is wrong\r\n" + new string('x', 1000);
        TokenEndpointResult result = Parse(HttpStatusCode.Unauthorized, $$"""{"error":"invalid_client","error_description":"{{echo.Replace("\r\n", "\\r\\n", StringComparison.Ordinal)}}"}""", "hunter2");

        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 300, result.Error);
    }

    [Fact]
    public void Parse_ErrorQuotingOurBasicCredentialOrTheEncodedSecret_IsScrubbedInEveryForm()
    {
        var client = new AuthActors.Credentials.Credential("my client", "s3cret/+=&value");
        string sentParameter = TokenEndpointClient.CreateClientAuthentication(client.UserName, client.Password);
        string plainBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("my client:s3cret/+=&value"));
        string formEncoded = TokenEndpointClient.FormEncode(client.Password);
        string body = $$"""{"error":"invalid_client","error_description":"got Basic {{sentParameter}} ({{plainBase64}}), secret={{formEncoded}}"}""";

        TokenEndpointResult result = TokenEndpointResult.Parse(HttpStatusCode.Unauthorized, "application/json", Encoding.UTF8.GetBytes(body), TokenEndpointResult.SecretForms(client));

        Assert.DoesNotContain(sentParameter, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(plainBase64, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(formEncoded, result.Error, StringComparison.Ordinal);
        Assert.Contains("invalid_client", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_ToString_HidesTheToken()
    {
        TokenEndpointResult result = TokenEndpointResult.Success("hidden-token", TimeSpan.FromMinutes(5));

        Assert.DoesNotContain("hidden-token", result.ToString(), StringComparison.Ordinal);
    }

    private static TokenEndpointResult Parse(HttpStatusCode status, string body, string? secret = null) =>
        TokenEndpointResult.Parse(status, "application/json", Encoding.UTF8.GetBytes(body), secret);

    private static TokenEndpointClient NewClient(StubTokenHandler stub, string? scope = null) =>
        new(s_endpoint, new BearerSchemeOptions { TokenEndpoint = s_endpoint, Scope = scope, TokenClientFactory = stub.Factory }, TimeProvider.System);

    /// <summary>Never answers; says when a request arrived.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("unreachable: the wait above ends only by cancellation");
        }
    }
}
