using System.Text;
using System.Text.RegularExpressions;

namespace AuthActors.Tests.Host;

/// <summary>A thread-safe TextWriter that keeps what was written and lets a test await a line matching a pattern.</summary>
internal sealed partial class CapturingWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    /// <summary>Completes with the first match of <paramref name="pattern"/> in a complete line (now or later).</summary>
    public Task<Match> WaitForLineAsync(Regex pattern)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((pattern, found));
            CheckWaiters_NeedsLock();
        }

        return found.Task;
    }

    private void Append(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_lock)
        {
            _text.Append(value);
            CheckWaiters_NeedsLock();
        }
    }

    private void CheckWaiters_NeedsLock()
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        string text = _text.ToString();
        int lastNewLine = text.LastIndexOf('\n');
        string complete = lastNewLine < 0 ? "" : text[..lastNewLine];
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            Match match = _waiters[i].Pattern.Match(complete);
            if (match.Success)
            {
                _waiters[i].Found.TrySetResult(match);
                _waiters.RemoveAt(i);
            }
        }
    }
}
