using Microsoft.Extensions.Logging;

namespace AuthActors.Spaces.Schemes;

/// <summary>Log events of Bearer spaces, with fixed event ids (12xx). No token, secret or
/// Authorization value is ever an argument: spaces are named by origin and realm, token endpoints
/// by their URI without query, clients by their id.</summary>
internal static partial class BearerSchemeLog
{
    [LoggerMessage(1201, LogLevel.Debug, "Space {Space} requests a token from {Endpoint} ({Why})")]
    public static partial void TokenRequested(ILogger logger, string space, string endpoint, string why);

    [LoggerMessage(1202, LogLevel.Debug, "Space {Space} obtained token #{Generation}, expiring in {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string space, long generation, string lifetime);

    [LoggerMessage(1203, LogLevel.Warning, "Space {Space}: no token: {Reason}; next attempt allowed in {Backoff}")]
    public static partial void TokenRequestFailed(ILogger logger, string space, string reason, TimeSpan backoff);

    [LoggerMessage(1204, LogLevel.Information, "Space {Space}: the server refused token #{Generation} ({Error}); refreshing it once")]
    public static partial void TokenRefused(ILogger logger, string space, long generation, string error);

    [LoggerMessage(1205, LogLevel.Warning, "Space {Space}: the credential cannot be used for Bearer: {Reason}")]
    public static partial void CredentialUnusable(ILogger logger, string space, string reason);
}
