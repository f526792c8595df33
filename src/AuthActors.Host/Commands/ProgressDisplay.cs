using Spectre.Console;

namespace AuthActors.Host.Commands;

/// <summary>Shows a <see cref="WorkProgress"/> as a live Spectre.Console bar while a job runs (terminals only).</summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Awaits <paramref name="job"/>; with a <paramref name="live"/> console, draws a bar that
    /// follows <paramref name="progress"/> until the job ends.
    /// </summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole? live, WorkProgress progress, Task<T> job, TimeProvider timeProvider)
    {
        if (live is null)
        {
            return await job.ConfigureAwait(false);
        }

        await live.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask bar = context.AddTask(progress.Label, maxValue: Math.Max(1, progress.Total));
                using var timer = new PeriodicTimer(s_refresh, timeProvider);
                while (!job.IsCompleted)
                {
                    bar.Value = progress.Completed;
                    // Wake on the next tick or as soon as the job ends, whichever is first.
                    await Task.WhenAny(job, timer.WaitForNextTickAsync().AsTask()).ConfigureAwait(false);
                }

                bar.Value = progress.Completed;
            }).ConfigureAwait(false);
        return await job.ConfigureAwait(false);
    }
}
