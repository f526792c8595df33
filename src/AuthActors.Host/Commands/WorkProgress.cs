using System.Globalization;

namespace AuthActors.Host.Commands;

/// <summary>
/// Counts finished units of a job. Without a terminal it writes a plain line at every tenth of
/// the total (<c>demo: 2000/20000 (10%)</c>; several tenths passed at once share a line); on a terminal <see cref="ProgressDisplay"/> reads
/// <see cref="Completed"/> for a live bar instead.
/// </summary>
internal sealed class WorkProgress
{
    private const int Steps = 10;

    private readonly TextWriter? _plain;
    private readonly string _label;
    private readonly Lock _writeLock = new();
    private int _completed;
    private int _stepsWritten;

    /// <param name="total">Units in the job.</param>
    /// <param name="label">The line prefix and bar description.</param>
    /// <param name="plain">Where plain lines go; null when a live bar shows progress.</param>
    public WorkProgress(int total, string label, TextWriter? plain)
    {
        Total = total;
        _label = label;
        _plain = plain;
    }

    public int Total { get; }

    public string Label => _label;

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>One more unit finished (any outcome).</summary>
    public void Increment()
    {
        int done = Interlocked.Increment(ref _completed);
        if (_plain is null || Total == 0)
        {
            return;
        }

        if ((long)done * Steps / Total <= Volatile.Read(ref _stepsWritten))
        {
            return;
        }

        // Workers finish in any order: the lock keeps the lines in order and each step once. A
        // line shows the count at the time it is written; steps passed at once share one line.
        lock (_writeLock)
        {
            int now = Completed;
            int step = (int)((long)now * Steps / Total);
            if (step > _stepsWritten)
            {
                Volatile.Write(ref _stepsWritten, step);
                _plain.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: {now}/{Total} ({(long)now * 100 / Total}%)"));
            }
        }
    }
}
