using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Server;

public sealed partial class DigestServer
{
    /// <summary>The server's log events, with fixed ids. None carries a credential.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} {Outcome}")]
        public static partial void Request(ILogger logger, string method, string path, int status, string outcome);
    }
}
