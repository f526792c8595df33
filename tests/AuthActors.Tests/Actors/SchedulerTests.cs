using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class SchedulerTests
{
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ScheduleTellOnce_WhenDelayPasses_TellsOnceWithSender()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        var sender = new TestProbe(system, "sender");
        system.ScheduleTellOnce(TimeSpan.FromSeconds(5), probe, "wake up", sender);

        time.Advance(TimeSpan.FromMilliseconds(4999));
        await probe.ExpectNoMsgAsync(s_silence);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await probe.ExpectMsgAsync("wake up");
        Assert.Equal(sender, probe.Sender);
        time.Advance(TimeSpan.FromSeconds(10));
        await probe.ExpectNoMsgAsync(s_silence);
    }

    [Fact]
    public async Task ScheduleTellOnce_WhenCanceledBeforeDelay_DoesNotTell()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        ICancelable scheduled = system.ScheduleTellOnce(TimeSpan.FromSeconds(5), probe, "wake up");

        scheduled.Cancel();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(scheduled.IsCancellationRequested);
        await probe.ExpectNoMsgAsync(s_silence);
    }

    [Fact]
    public async Task ScheduleTellOnce_WhenSystemStops_PendingTellIsCanceled()
    {
        var time = new FakeTimeProvider();
        var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        ICancelable scheduled = system.ScheduleTellOnce(TimeSpan.FromSeconds(5), probe, "wake up");

        await system.StopAsync().WaitAsync(TestTimeouts.Default);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(scheduled.IsCancellationRequested);
        await probe.ExpectNoMsgAsync(s_silence);
    }

    [Fact]
    public async Task ScheduleTellOnce_AfterSystemStopped_ReturnsCanceledHandle()
    {
        var time = new FakeTimeProvider();
        var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        await system.StopAsync().WaitAsync(TestTimeouts.Default);

        ICancelable scheduled = system.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe, "too late");
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(scheduled.IsCancellationRequested);
        await probe.ExpectNoMsgAsync(s_silence);
    }
}
