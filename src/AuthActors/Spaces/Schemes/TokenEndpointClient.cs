using System.Net.Http.Headers;
using System.Text;
using AuthActors.Credentials;
using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// Runs the OAuth 2.0 client credentials grant (RFC 6749 §4.4) against one token endpoint. Called
/// off the space actor (through <see cref="SpaceContext.Run{T}"/>); holds only immutable settings,
/// so any number of spaces may share it. Expected failures (an error answer, garbage, a network
/// error, a timeout) come back as a failed <see cref="TokenEndpointResult"/>, never as an exception
/// carrying a secret.
/// </summary>
internal sealed class TokenEndpointClient
{
    /// <summary>The largest token response read: 64 KiB. A token response is a few hundred bytes.</summary>
    internal const int MaxResponseBytes = 64 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    private readonly Uri _endpoint;
    private readonly BearerSchemeOptions _options;
    private readonly TimeProvider _timeProvider;

    public TokenEndpointClient(Uri endpoint, BearerSchemeOptions options, TimeProvider timeProvider)
    {
        _endpoint = endpoint;
        _options = options;
        _timeProvider = timeProvider;
        Display = endpoint.GetLeftPart(UriPartial.Path);
    }

    /// <summary>The endpoint as named in messages (no query: it could carry something private).</summary>
    public string Display { get; }

    /// <summary>
    /// The token68 of the client's Basic credentials (RFC 6749 §2.3.1): the client id and secret are
    /// each form-urlencoded (Appendix B) before they become Basic's user-id and password, so a ':'
    /// or a non-ASCII character in either survives the trip.
    /// </summary>
    public static string CreateClientAuthentication(string clientId, string clientSecret) =>
        BasicAuthentication.CreateParameter(FormEncode(clientId), FormEncode(clientSecret), utf8: true);

    /// <summary>
    /// RFC 6749 Appendix B: application/x-www-form-urlencoded over UTF-8. ASCII letters, digits and
    /// <c>*-._</c> stay, a space becomes '+', every other byte becomes %XX (upper-case hex). The
    /// appendix's example: <c>" %&amp;+£€"</c> encodes as <c>"+%25%26%2B%C2%A3%E2%82%AC"</c>.
    /// </summary>
    public static string FormEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Asks for a token with <paramref name="clientAuthentication"/> (see
    /// <see cref="CreateClientAuthentication"/>). Cancelled by <paramref name="cancellationToken"/>
    /// (the space stopped) or after <see cref="BearerSchemeOptions.TokenRequestTimeout"/>.</summary>
    public async Task<TokenEndpointResult> RequestAsync(string clientAuthentication, Credential client, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.TokenRequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        CancellationToken ct = linked.Token;
        HttpMessageInvoker invoker = _options.TokenClientFactory?.Invoke()
            ?? new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true);
        try
        {
            using HttpRequestMessage request = CreateRequest(clientAuthentication);

            // WaitAsync as well: an invoker that ignores cancellation must not hold the space's
            // refresh (and every caller parked on it) past the timeout.
            using HttpResponseMessage response = await invoker.SendAsync(request, ct).WaitAsync(ct).ConfigureAwait(false);
            byte[]? body = await ReadBoundedAsync(response.Content, ct).ConfigureAwait(false);
            if (body is null)
            {
                return TokenEndpointResult.Failure(
                    $"the token endpoint {Display} answered {(int)response.StatusCode} {response.StatusCode} with a body larger than {MaxResponseBytes} bytes");
            }

            TokenEndpointResult result = TokenEndpointResult.Parse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, TokenEndpointResult.SecretForms(client));
            return result.IsSuccess ? result : TokenEndpointResult.Failure($"{result.Error} ({Display})");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TokenEndpointResult.Failure($"the token endpoint {Display} did not answer within {_options.TokenRequestTimeout}");
        }
        catch (HttpRequestException e)
        {
            // Connection refused, DNS, TLS: the message names the endpoint, never the request's headers.
            return TokenEndpointResult.Failure($"the token endpoint {Display} could not be reached: {TokenEndpointResult.Quote(e.Message, TokenEndpointResult.SecretForms(client))}");
        }
        finally
        {
            invoker.Dispose();
        }
    }

    /// <summary>RFC 6749 §4.4.2: a POST of grant_type=client_credentials (and scope), with the client
    /// authenticated by HTTP Basic (§2.3.1) and never in the body as well (one method per request).</summary>
    private HttpRequestMessage CreateRequest(string clientAuthentication)
    {
        var form = new List<KeyValuePair<string, string>>(2) { new("grant_type", "client_credentials") };
        if (_options.Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", clientAuthentication);
        request.Headers.Accept.Add(s_json);
        return request;
    }

    /// <summary>The body, or null when it exceeds <see cref="MaxResponseBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        Stream stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
