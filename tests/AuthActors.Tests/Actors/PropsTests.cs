using AuthActors.Actors;

namespace AuthActors.Tests.Actors;

public sealed class PropsTests
{
    [Fact]
    public void WithSupervisorStrategy_ReturnsCopyAndLeavesOriginalUnchanged()
    {
        Props original = Props.Create<EchoActor>();
        var strategy = new OneForOneStrategy(3, TimeSpan.FromSeconds(10), _ => Directive.Resume);

        Props copy = original.WithSupervisorStrategy(strategy);

        Assert.NotSame(original, copy);
        Assert.Null(original.SupervisorStrategy);
        Assert.Same(strategy, copy.SupervisorStrategy);
        Assert.Equal(typeof(EchoActor), copy.ActorType);
    }

    [Fact]
    public void DefaultStrategy_StopsOnInitializationFailureAndRestartsOtherwise()
    {
        OneForOneStrategy strategy = OneForOneStrategy.Default;

        Assert.Equal(Directive.Stop, strategy.Decide(new ActorInitializationException("init")));
        Assert.Equal(Directive.Restart, strategy.Decide(new InvalidOperationException("other")));
        Assert.Equal(10, strategy.MaxNrOfRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), strategy.WithinTimeRange);
    }
}
