using System.Buffers;
using System.Text.Json;
using AuthActors.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Host.Server;

public sealed partial class DigestServer
{
    /// <summary>The largest token request body read: 8 KiB. A client credentials request is a few dozen bytes.</summary>
    internal const int MaxTokenRequestBytes = 8 * 1024;

    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string ClientCredentialsGrant = "client_credentials";

    /// <summary>
    /// The token endpoint: the client credentials grant (RFC 6749 §4.4). The request is a POST
    /// (§3.2) of a form body (§4.4.2) whose client authenticates with HTTP Basic, id and secret
    /// form-urlencoded (§2.3.1, Appendix B). The answer is JSON (§5.1) or an error object (§5.2):
    /// 401 <c>invalid_client</c> with a Basic challenge when the client is not authenticated, 400
    /// <c>invalid_request</c>, <c>unsupported_grant_type</c> or <c>invalid_scope</c> otherwise. The
    /// client is authenticated before the grant is looked at, so nobody learns anything about the
    /// endpoint without a valid secret.
    /// </summary>
    private async Task HandleTokenAsync(HttpContext context)
    {
        Stats.AddTokenRequest();
        HttpRequest request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteTokenErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "invalid_request", "the token endpoint takes POST (RFC 6749 section 3.2)", "token-method").ConfigureAwait(false);
            return;
        }

        if (!IsFormContentType(request.ContentType))
        {
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "the body must be " + FormMediaType + " (RFC 6749 section 4.4.2)", "token-content-type").ConfigureAwait(false);
            return;
        }

        byte[]? body = await ReadTokenRequestAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "the body is larger than 8192 bytes", "token-too-large").ConfigureAwait(false);
            return;
        }

        if (!FormUrlEncoding.TryParse(body, out Dictionary<string, string> form, out string? problem))
        {
            // RFC 6749 §3.2: parameters must not be included more than once.
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", problem, "token-malformed").ConfigureAwait(false);
            return;
        }

        if (!TryAuthenticateClient(context, form, out string? failure, out bool badRequest))
        {
            if (badRequest)
            {
                await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", failure, "token-malformed").ConfigureAwait(false);
                return;
            }

            // RFC 6749 §5.2: 401 with a challenge for the scheme the client used (or should use).
            Stats.AddBadCredentials();
            Stats.AddChallenge();
            context.Response.Headers.WWWAuthenticate = _tokenClientChallenge;
            await WriteTokenErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", failure, "invalid-client").ConfigureAwait(false);
            return;
        }

        if (!form.TryGetValue("grant_type", out string? grantType))
        {
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "grant_type is missing", "token-no-grant").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "only grant_type=client_credentials is supported (RFC 6749 section 4.4)", "unsupported-grant").ConfigureAwait(false);
            return;
        }

        string? scope = form.GetValueOrDefault("scope");
        if (scope is not null && !AuthActors.Spaces.Schemes.BearerScheme.IsValidScope(scope))
        {
            await WriteTokenErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_scope", "scope must be space-delimited scope tokens (RFC 6749 section 3.3)", "invalid-scope").ConfigureAwait(false);
            return;
        }

        string token = _tokens.Issue();
        Stats.AddTokenIssued();
        await WriteTokenJsonAsync(context, StatusCodes.Status200OK, "token-issued", writer =>
        {
            writer.WriteString("access_token", token);
            writer.WriteString("token_type", BearerScheme);
            writer.WriteNumber("expires_in", _tokenLifetimeSeconds);

            // RFC 6749 §5.1: scope may be left out when it is what was asked for; it is echoed so
            // that the client sees what it got.
            if (scope is not null)
            {
                writer.WriteString("scope", scope);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// HTTP Basic client authentication (RFC 6749 §2.3.1). False with a description on failure;
    /// <paramref name="badRequest"/> when the request itself is malformed (a repeated
    /// Authorization field, two authentication methods, a client_id that names another client)
    /// rather than the client unauthenticated.
    /// </summary>
    private bool TryAuthenticateClient(HttpContext context, Dictionary<string, string> form, out string? failure, out bool badRequest)
    {
        StringValues fields = context.Request.Headers.Authorization;
        badRequest = false;
        if (fields.Count > 1)
        {
            badRequest = true;
            failure = "more than one Authorization field";
            return false;
        }

        bool secretInBody = form.ContainsKey("client_secret");
        if (fields.Count == 0 || !IsScheme(fields[0], "Basic"))
        {
            // The body method (client_secret in the form) is allowed by §2.3.1 but not recommended;
            // this server, like many, supports Basic only.
            failure = secretInBody
                ? "client authentication in the request body is not supported: use HTTP Basic (RFC 6749 section 2.3.1)"
                : "client authentication is missing: use HTTP Basic (RFC 6749 section 2.3.1)";
            return false;
        }

        if (secretInBody)
        {
            // §2.3: the client must not use more than one authentication method in a request.
            badRequest = true;
            failure = "more than one client authentication method (RFC 6749 section 2.3)";
            return false;
        }

        if (!BasicAuthentication.TryParse(fields[0], utf8: true, out string? encodedId, out string? encodedSecret)
            || !FormUrlEncoding.TryDecode(encodedId, out string? clientId)
            || !FormUrlEncoding.TryDecode(encodedSecret, out string? clientSecret))
        {
            failure = "the Basic credentials are malformed";
            return false;
        }

        if (!_clientSecrets.TryGetValue(clientId, out byte[]? expected) || !PasswordEquals(clientSecret, expected))
        {
            failure = "client authentication failed";
            return false;
        }

        if (form.TryGetValue("client_id", out string? namedId) && !string.Equals(namedId, clientId, StringComparison.Ordinal))
        {
            badRequest = true;
            failure = "client_id names another client than the one authenticated";
            return false;
        }

        failure = null;
        return true;
    }

    private static bool IsFormContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        ReadOnlySpan<char> mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).AsSpan().Trim();
        return mediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxTokenRequestBytes"/>.</summary>
    private static async Task<byte[]?> ReadTokenRequestAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return [];
        }

        if (context.Request.ContentLength > MaxTokenRequestBytes)
        {
            return null;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxTokenRequestBytes + 1);
        try
        {
            int total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxTokenRequestBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An error response (RFC 6749 §5.2): JSON with <c>error</c> and <c>error_description</c> (printable ASCII without '"' or '\').</summary>
    private Task WriteTokenErrorAsync(HttpContext context, int status, string error, string? description, string outcome) =>
        WriteTokenJsonAsync(context, status, outcome, writer =>
        {
            writer.WriteString("error", error);
            if (description is not null)
            {
                writer.WriteString("error_description", description);
            }
        });

    private Task WriteTokenJsonAsync(HttpContext context, int status, string outcome, Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        // RFC 6749 §5.1 and §5.2: JSON, never cached (the success carries a token).
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.Headers.ContentType = "application/json;charset=UTF-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.ContentLength = buffer.WrittenCount;
        LogRequest(context, status, outcome);
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }
}
