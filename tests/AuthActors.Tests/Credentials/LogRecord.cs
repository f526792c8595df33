using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Credentials;

/// <summary>One captured log call: level, event id, the formatted message, the structured values and the exception.</summary>
internal sealed record LogRecord(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    /// <summary>Everything this record could put into a log sink, as text.</summary>
    public string AllText() =>
        string.Join(
            "\n",
            new[] { Message, Exception?.ToString() ?? "" }.Concat(State.Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")));
}
