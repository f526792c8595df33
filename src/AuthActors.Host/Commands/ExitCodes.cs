namespace AuthActors.Host.Commands;

/// <summary>The host's process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>serve</c>, also stopped on request (Ctrl+C).</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed (for example, the port was taken).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command or option, or a bad option value.</summary>
    public const int Usage = 2;

    /// <summary><c>fetch</c>: the server could not be reached (connection refused, no such host); curl's 7.</summary>
    public const int ConnectFailed = 7;

    /// <summary><c>fetch</c>: the server answered with an HTTP error (4xx, 5xx), a 401 left unanswered among them; curl's 22 (<c>--fail</c>).</summary>
    public const int HttpError = 22;

    /// <summary><c>fetch</c>: <c>--timeout</c> ran out; curl's 28.</summary>
    public const int TimedOut = 28;

    /// <summary>
    /// A job (<c>demo</c>, <c>crawl</c>, <c>bench</c>) was interrupted by Ctrl+C or SIGTERM: it
    /// stopped issuing requests, let those in flight finish and printed its summary. 128 + SIGINT,
    /// as shells report it.
    /// </summary>
    public const int Interrupted = 130;
}
