using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>
/// Raw token requests and Bearer requests against a server's token endpoint and Bearer path, with
/// no AuthActors handler, so tests see exactly what the server answers.
/// </summary>
internal static class BearerTestClient
{
    public const string FormType = "application/x-www-form-urlencoded";

    /// <summary>HTTP Basic client authentication with the id and secret as given (already form-encoded when they need it, RFC 6749 §2.3.1).</summary>
    public static string Basic(string encodedId, string encodedSecret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(encodedId + ":" + encodedSecret));

    public static HttpClient Create(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = DigestTestClient.Timeout };

    public static Task<HttpResponseMessage> PostTokenAsync(HttpClient http, string? authorization, string body = "grant_type=client_credentials", string contentType = FormType, string path = "/oauth/token")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        return http.SendAsync(request);
    }

    /// <summary>Gets a token for <paramref name="clientId"/>/<paramref name="secret"/> and returns it.</summary>
    public static async Task<string> GetTokenAsync(HttpClient http, string clientId = "client", string secret = "secret")
    {
        using HttpResponseMessage response = await PostTokenAsync(http, Basic(clientId, secret));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        return http.SendAsync(request);
    }

    public static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public static string Challenge(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("WWW-Authenticate"));

    public static Task<DigestServer> StartAsync(TimeProvider? timeProvider = null, TimeSpan? tokenLifetime = null) =>
        DigestServer.StartAsync(new DigestServerOptions
        {
            TimeProvider = timeProvider ?? TimeProvider.System,
            TokenLifetime = tokenLifetime ?? TimeSpan.FromSeconds(30),
        });
}
