using Microsoft.Extensions.Logging;

namespace AuthActors.Actors;

/// <summary>
/// The kernel's log events (ids 100-199). Only paths and message TYPES are logged: message contents may carry
/// credentials and are never logged.
/// </summary>
internal static partial class ActorLog
{
    [LoggerMessage(EventId = 100, EventName = "ActorFailed", Level = LogLevel.Error,
        Message = "Actor {ActorPath} failed while processing {MessageType}; its supervisor decides what happens next.")]
    public static partial void ActorFailed(ILogger logger, Exception exception, string actorPath, string messageType);

    [LoggerMessage(EventId = 101, EventName = "EscalatedToGuardian", Level = LogLevel.Error,
        Message = "A failure escalated to the user guardian; stopping top-level actor {ActorPath}.")]
    public static partial void EscalatedToGuardian(ILogger logger, Exception exception, string actorPath);

    [LoggerMessage(EventId = 102, EventName = "LifecycleHookFailed", Level = LogLevel.Error,
        Message = "{Hook} of actor {ActorPath} threw; ignored.")]
    public static partial void LifecycleHookFailed(ILogger logger, Exception exception, string hook, string actorPath);

    [LoggerMessage(EventId = 103, EventName = "DeadLetter", Level = LogLevel.Debug,
        Message = "Dead letter: {MessageType} to {Recipient}.")]
    public static partial void DeadLetter(ILogger logger, string messageType, string recipient);

    [LoggerMessage(EventId = 104, EventName = "DeadLetterHandlerFailed", Level = LogLevel.Error,
        Message = "A DeadLetterPublished handler threw; ignored.")]
    public static partial void DeadLetterHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 105, EventName = "StopTimedOut", Level = LogLevel.Warning,
        Message = "Actor system {SystemName} did not stop within {Timeout}; abandoning the actors still running under: {ActorPaths}.")]
    public static partial void StopTimedOut(ILogger logger, string systemName, TimeSpan timeout, string actorPaths);

    [LoggerMessage(EventId = 106, EventName = "KernelFault", Level = LogLevel.Critical,
        Message = "Internal error in the mailbox of actor {ActorPath}.")]
    public static partial void KernelFault(ILogger logger, Exception exception, string actorPath);

    [LoggerMessage(EventId = 107, EventName = "ActorSystemStopped", Level = LogLevel.Debug,
        Message = "Actor system {SystemName} stopped.")]
    public static partial void ActorSystemStopped(ILogger logger, string systemName);

    [LoggerMessage(EventId = 108, EventName = "SupervisorFailed", Level = LogLevel.Error,
        Message = "Supervisor {ActorPath} failed while handling a system message; escalating.")]
    public static partial void SupervisorFailed(ILogger logger, Exception exception, string actorPath);
}
