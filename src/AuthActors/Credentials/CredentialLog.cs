using Microsoft.Extensions.Logging;

namespace AuthActors.Credentials;

/// <summary>
/// Logging definitions for the credential chain and its sources (event ids 3000-3099). No
/// message takes a password, a hash or an exception message that is not known to be clean.
/// </summary>
internal static partial class CredentialLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Credential source '{Source}' answered for {Space}")]
    public static partial void SourceAnswered(ILogger logger, string source, string space);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Credential source '{Source}' declined {Space}: {Reason}")]
    public static partial void SourceDeclined(ILogger logger, string source, string space, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Credential source '{Source}' denied credentials for {Space}: {Reason}")]
    public static partial void SourceDenied(ILogger logger, string source, string space, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "No credential source had credentials for {Space}: {Reason}")]
    public static partial void NoCredentials(ILogger logger, string space, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Credential source '{Source}' failed for {Space} with {ExceptionType}: {Detail}")]
    public static partial void SourceFailed(ILogger logger, string source, string space, string exceptionType, string detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Credential source '{Source}' failure stack trace ({ExceptionType}):{StackTrace}")]
    public static partial void SourceFailedStackTrace(ILogger logger, string source, string exceptionType, string stackTrace);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Credential for user '{UserName}' from source '{Source}' was rejected by {Space}")]
    public static partial void CredentialRejected(ILogger logger, string userName, string source, string space);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "A CredentialChain.EventRaised handler threw while handling a {Kind} event")]
    public static partial void EventHandlerFailed(ILogger logger, CredentialEventKind kind, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Credential for {Space} changed (source '{Source}')")]
    public static partial void CredentialChanged(ILogger logger, string space, string source);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "The netrc file {Path} can be read or written by group or others (mode {Mode}); it should be private to its owner (chmod 600)")]
    public static partial void NetrcTooOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "netrc file {Path}, line {Line}: {Message}")]
    public static partial void NetrcNotice(ILogger logger, string path, int line, string message);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Cannot watch the netrc file {Path} for changes; edits are still picked up on the next lookup but will not rotate live spaces")]
    public static partial void NetrcWatchFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Debug, Message = "The netrc file {Path} changed")]
    public static partial void NetrcChanged(ILogger logger, string path);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Warning, Message = "A change-token callback threw after the netrc file {Path} changed")]
    public static partial void NetrcChangeCallbackFailed(ILogger logger, string path, Exception exception);
}
