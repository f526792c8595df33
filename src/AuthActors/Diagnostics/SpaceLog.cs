using Microsoft.Extensions.Logging;

namespace AuthActors.Diagnostics;

/// <summary>Log events of protection spaces and the handler, with fixed event ids. No secret is
/// ever an argument: spaces are named by origin and realm, credentials by user name and source.</summary>
internal static partial class SpaceLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Space {Space} created for scheme {Scheme}")]
    public static partial void SpaceCreated(ILogger logger, string space, string scheme);

    [LoggerMessage(1002, LogLevel.Debug, "Space {Space} passivated after being idle")]
    public static partial void SpacePassivated(ILogger logger, string space);

    [LoggerMessage(1003, LogLevel.Information, "Space {Space} switched to exclusive nonce leases: {Why}")]
    public static partial void SwitchedToExclusive(ILogger logger, string space, string why);

    [LoggerMessage(1004, LogLevel.Warning, "Space {Space}: credential of user {User} from source {Source} was rejected: {Reason}")]
    public static partial void CredentialRejected(ILogger logger, string space, string user, string? source, string reason);

    [LoggerMessage(1020, LogLevel.Information, "Space {Space}: trying the refused credential once more after its wait")]
    public static partial void RejectionRetried(ILogger logger, string space);

    [LoggerMessage(1005, LogLevel.Warning, "Space {Space} has no usable credential: {Reason}")]
    public static partial void NoCredential(ILogger logger, string space, string reason);

    [LoggerMessage(1006, LogLevel.Debug, "Space {Space} now uses a credential of user {User} from source {Source}")]
    public static partial void CredentialBound(ILogger logger, string space, string user, string? source);

    [LoggerMessage(1007, LogLevel.Warning, "Space {Space}: a scheme task failed: {Error}")]
    public static partial void SchemeWorkFailed(ILogger logger, string space, string error);

    [LoggerMessage(1008, LogLevel.Warning, "Origin {Origin}: no first challenge within {Timeout}; waiting requests go out unauthenticated")]
    public static partial void DiscoveryTimedOut(ILogger logger, string origin, TimeSpan timeout);

    [LoggerMessage(1101, LogLevel.Information, "Request to {Origin} not retried after a challenge ({Kind}): {Reason}")]
    public static partial void NotRetried(ILogger logger, string origin, string kind, string reason);

    [LoggerMessage(1102, LogLevel.Warning, "Challenge from {Origin} could not be used: {Reason}")]
    public static partial void ChallengeUnusable(ILogger logger, string origin, string reason);

    [LoggerMessage(1103, LogLevel.Error, "Response from {Origin} failed mutual authentication: {Reason}")]
    public static partial void MutualAuthFailed(ILogger logger, string origin, string reason);

    [LoggerMessage(1009, LogLevel.Warning, "Credential rotation did not reach every space: {Error}: {Message}")]
    public static partial void RotationFailed(ILogger logger, string error, string message);

    [LoggerMessage(1401, LogLevel.Warning, "Configuration keys nothing reads (a typo?): {Keys}")]
    public static partial void UnknownKeys(ILogger logger, string keys);
}
