using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// What one token request gave: an access token (a secret) with its lifetime, or why there is none.
/// <see cref="ToString"/> and <see cref="Error"/> never contain the token or the client secret;
/// anything quoted from the server is cut to a printable line and scrubbed of the secret.
/// </summary>
internal sealed class TokenEndpointResult
{
    /// <summary>The most text quoted from a server's error_description.</summary>
    internal const int MaxQuoted = 200;

    /// <summary>The longest lifetime believed: about 68 years (int seconds). Larger values are clamped
    /// so that adding them to a clock cannot overflow.</summary>
    private static readonly TimeSpan s_maxLifetime = TimeSpan.FromSeconds(int.MaxValue);

    private TokenEndpointResult(string? accessToken, TimeSpan? expiresIn, string? error)
    {
        AccessToken = accessToken;
        ExpiresIn = expiresIn;
        Error = error;
    }

    /// <summary>The access token, or null on failure. A secret: never log it.</summary>
    public string? AccessToken { get; }

    /// <summary>The lifetime the server gave (expires_in), or null when it gave none.</summary>
    public TimeSpan? ExpiresIn { get; }

    /// <summary>Why there is no token (no secret in it), or null on success.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="AccessToken"/> is set.</summary>
    public bool IsSuccess => AccessToken is not null;

    public static TokenEndpointResult Success(string accessToken, TimeSpan? expiresIn) => new(accessToken, expiresIn, null);

    public static TokenEndpointResult Failure(string error) => new(null, null, error);

    /// <summary>
    /// Reads a token endpoint's answer: RFC 6749 §5.1 (200 with a JSON object holding access_token,
    /// token_type and optionally expires_in) or §5.2 (an error object, usually with 400 or 401).
    /// </summary>
    /// <param name="status">The response status.</param>
    /// <param name="mediaType">The response's media type, or null; named in errors.</param>
    /// <param name="body">The response body.</param>
    /// <param name="clientSecret">Scrubbed from anything quoted, should the server echo it.</param>
    public static TokenEndpointResult Parse(HttpStatusCode status, string? mediaType, ReadOnlyMemory<byte> body, string? clientSecret) =>
        Parse(status, mediaType, body, clientSecret is null ? [] : [clientSecret]);

    /// <summary>Reads a token endpoint's answer, scrubbing every form of the client's credential
    /// we sent (<see cref="SecretForms"/>) from anything quoted.</summary>
    internal static TokenEndpointResult Parse(HttpStatusCode status, string? mediaType, ReadOnlyMemory<byte> body, IReadOnlyList<string> clientSecret)
    {
        string statusText = $"{(int)status} {status}";
        JsonDocument? document = null;
        string? notJson = null;
        try
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not the parser's message: it quotes the character it stumbled on, and a body that
                // is not JSON may well be a raw token.
                notJson = $"the body is not JSON (Content-Type {Quote(mediaType ?? "none", clientSecret)})";
            }

            JsonElement root = document?.RootElement ?? default;
            bool isObject = document is not null && root.ValueKind == JsonValueKind.Object;
            if (status != HttpStatusCode.OK)
            {
                // RFC 6749 §5.2: error is REQUIRED, error_description and error_uri OPTIONAL.
                if (isObject && TryGetString(root, "error", out string? code))
                {
                    string described = TryGetString(root, "error_description", out string? description)
                        ? $" ({Quote(description, clientSecret)})"
                        : "";
                    return Failure($"the token endpoint answered {statusText}: {Quote(code, clientSecret)}{described}");
                }

                return Failure($"the token endpoint answered {statusText}");
            }

            if (!isObject)
            {
                return Failure($"the token endpoint answered {statusText} but {notJson ?? "the body is not a JSON object"} (RFC 6749 §5.1)");
            }

            if (!TryGetString(root, "access_token", out string? token) || token.Length == 0)
            {
                return Failure($"the token endpoint answered {statusText} without an access_token (RFC 6749 §5.1)");
            }

            if (!BearerScheme.IsValidToken(token))
            {
                // Also what keeps CR/LF and other header-breaking characters out of Authorization.
                return Failure($"the token endpoint answered {statusText} with an access_token that is not a b64token (RFC 6750 §2.1)");
            }

            // RFC 6749 §5.1 and §7.1: token_type is REQUIRED and compared case-insensitively; only
            // Bearer (RFC 6750 §6.1.1) is something this scheme knows how to present.
            if (!TryGetString(root, "token_type", out string? type))
            {
                return Failure($"the token endpoint answered {statusText} without a token_type (RFC 6749 §5.1)");
            }

            if (!string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return Failure($"the token endpoint issued a token of type '{Quote(type, clientSecret)}', not Bearer (RFC 6749 §7.1)");
            }

            if (!TryGetLifetime(root, out TimeSpan? lifetime, out string? lifetimeError))
            {
                return Failure($"the token endpoint answered {statusText} with {lifetimeError}");
            }

            return Success(token, lifetime);
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>Describes the result without the token.</summary>
    public override string ToString() => IsSuccess
        ? $"token response (expires in {(ExpiresIn is { } e ? e.ToString() : "unknown")})"
        : $"token failure: {Error}";

    /// <summary>Every form the client's secret travels in to the token endpoint, so that a server
    /// (or a proxy) quoting our request back cannot make us print it: the secret in clear and
    /// form-encoded (RFC 6749 Appendix B), and the Basic credential (§2.3.1) as we send it and as
    /// plain base64 of <c>id:secret</c>.</summary>
    internal static IReadOnlyList<string> SecretForms(Credentials.Credential client)
    {
        string secret = client.Password;
        if (secret.Length == 0)
        {
            return [];
        }

        return [.. new[]
        {
            TokenEndpointClient.CreateClientAuthentication(client.UserName, secret),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(client.UserName + ":" + secret)),
            TokenEndpointClient.FormEncode(secret),
            secret,
        }.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Server text fit for a message: one printable line, bounded, without the secret.</summary>
    internal static string Quote(string text, string? secret) => Quote(text, secret is null ? [] : [secret]);

    /// <summary>Server text fit for a message: one printable line, bounded, without any of <paramref name="secrets"/>.</summary>
    internal static string Quote(string text, IReadOnlyList<string> secrets)
    {
        foreach (string secret in secrets)
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxQuoted + 1));
        foreach (char c in text)
        {
            if (builder.Length == MaxQuoted)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    private static bool TryGetString(JsonElement root, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (root.TryGetProperty(name, out JsonElement element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// RFC 6749 §5.1: expires_in is RECOMMENDED, "the lifetime in seconds of the access token". It
    /// is a JSON number; a string of digits is accepted too, since some servers send one.
    /// </summary>
    private static bool TryGetLifetime(JsonElement root, out TimeSpan? lifetime, out string? error)
    {
        lifetime = null;
        error = null;
        if (!root.TryGetProperty("expires_in", out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        double seconds;
        if (element.ValueKind == JsonValueKind.Number)
        {
            seconds = element.GetDouble();
        }
        else if (element.ValueKind == JsonValueKind.String
            && long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
        {
            seconds = parsed;
        }
        else
        {
            error = "an expires_in that is not a number of seconds (RFC 6749 §5.1)";
            return false;
        }

        if (!(seconds > 0))
        {
            error = "an expires_in that is not positive: the token would be expired on arrival";
            return false;
        }

        lifetime = seconds >= s_maxLifetime.TotalSeconds ? s_maxLifetime : TimeSpan.FromSeconds(Math.Floor(seconds));
        if (lifetime == TimeSpan.Zero)
        {
            lifetime = TimeSpan.FromSeconds(1);
        }

        return true;
    }
}
