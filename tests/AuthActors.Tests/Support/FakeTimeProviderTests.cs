namespace AuthActors.Tests.Support;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void Advance_PastSeveralTimers_FiresThemInDueOrderAtTheirDueTimes()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using ITimer late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using ITimer early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(TimeSpan.FromSeconds(5), time.GetUtcNow() - start);
    }

    [Fact]
    public void Advance_WithPeriodicTimer_FiresOncePerPeriod()
    {
        var time = new FakeTimeProvider();
        int count = 0;
        using ITimer timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(3, count);
    }

    [Fact]
    public void Dispose_BeforeDueTime_TimerNeverFires()
    {
        var time = new FakeTimeProvider();
        bool fired = false;
        ITimer timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(fired);
        Assert.Equal(0, time.ArmedTimerCount);
    }

    [Fact]
    public void Change_ToLaterDueTime_PostponesTheTimer()
    {
        var time = new FakeTimeProvider();
        bool fired = false;
        using ITimer timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(fired);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(fired);
    }

    [Fact]
    public async Task TaskDelay_WithFakeProvider_CompletesOnAdvance()
    {
        var time = new FakeTimeProvider();
        Task delay = Task.Delay(TimeSpan.FromMinutes(10), time);
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromMinutes(10));

        await delay.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public void GetElapsedTime_MeasuresFakeTime()
    {
        var time = new FakeTimeProvider();
        long start = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(start));
    }
}
