namespace AuthActors.Host.Commands;

/// <summary>What <c>fetch</c> sends and how it prints the answer.</summary>
internal sealed record FetchRequest
{
    public required Uri Url { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>The body (--data TEXT), or null.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The body's file (--data @FILE), streamed, or "-" for standard input; or null.</summary>
    public string? BodyFile { get; init; }

    /// <summary>-H values as (name, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>--include: the status line and headers before the body.</summary>
    public bool Include { get; init; }

    /// <summary>--fail: an HTTP error prints no body (the exit code says it).</summary>
    public bool Fail { get; init; }

    /// <summary>--silent: no error line on stderr (the exit code says it).</summary>
    public bool Silent { get; init; }

    /// <summary>--head: a HEAD request, the head printed, no body.</summary>
    public bool Head { get; init; }

    /// <summary>--verbose: every wire request and response's headers on stderr.</summary>
    public bool Verbose { get; init; }

    /// <summary>--output FILE: the body's bytes go there instead of stdout.</summary>
    public string? OutputPath { get; init; }

    public required ClientSettings Client { get; init; }
}
