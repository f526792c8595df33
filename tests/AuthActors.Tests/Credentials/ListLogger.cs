using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Credentials;

/// <summary>A logger that keeps every call, at every level, for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<LogRecord> _records = [];

    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        IReadOnlyList<KeyValuePair<string, object?>> values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var record = new LogRecord(logLevel, eventId, formatter(state, exception), [.. values], exception);
        lock (_gate)
        {
            _records.Add(record);
        }
    }
}
