using AuthActors.Actors;
using Xunit.Sdk;

namespace AuthActors.Tests.TestKit;

public sealed class TestProbeTests
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ExpectMsgAsync_WhenNothingArrives_FailsAfterTimeout()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);

        await Assert.ThrowsAsync<FailException>(() => probe.ExpectMsgAsync<string>(s_short));
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenNextMessageHasOtherType_Fails()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        probe.Tell(42);

        await Assert.ThrowsAsync<FailException>(() => probe.ExpectMsgAsync<string>());
    }

    [Fact]
    public async Task ExpectNoMsgAsync_WhenAMessageArrives_Fails()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        probe.Tell("noise");

        await Assert.ThrowsAsync<FailException>(() => probe.ExpectNoMsgAsync(s_short));
    }

    [Fact]
    public async Task FishForMessageAsync_SkipsOtherMessages()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        probe.Tell("noise");
        probe.Tell(1);
        probe.Tell(2);

        int found = await probe.FishForMessageAsync<int>(n => n == 2);

        Assert.Equal(2, found);
    }

    [Fact]
    public async Task Reply_GoesToSenderOfLastMessage()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var asker = new TestProbe(system, "asker");
        probe.Tell("question", asker);
        await probe.ExpectMsgAsync("question");

        probe.Reply("answer");

        await asker.ExpectMsgAsync("answer");
        Assert.Equal(probe, asker.Sender);
    }

    [Fact]
    public void TimeFactor_IsAtLeastOne()
    {
        Assert.True(TestTimeouts.TimeFactor >= 1);
        Assert.True(TestTimeouts.Default >= TimeSpan.FromSeconds(3));
    }
}
