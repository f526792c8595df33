using Akka.Actor;
using Akka.TestKit.Xunit2;
using AuthActors.Cluster;
using AuthActors.Tests.Support;
using Xunit.Abstractions;

namespace AuthActors.Tests.Cluster;

/// <summary>
/// An origin's record in the fleet (a <see cref="SpaceOwnerActor"/> with a "challenges" id), on a
/// one-node cluster: the first node to ask discovers the origin, the others wait for what it
/// learns and are released when it learns a challenge, learns none, or its wait runs out.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class SpaceOwnerChallengeSpecs(ITestOutputHelper output) : TestKit(Config, output)
{
    private const string Config = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """;

    private const string Id = "challenges origin http://a.test";

    private static readonly SharedChallenge s_challenge = new("Digest", ["realm", "r", "nonce", "n1"], null);

    [Fact]
    public async Task TheFirstAskerDiscovers_TheOthersGetWhatItLearns()
    {
        IActorRef owner = Owner();
        var waiter = CreateTestProbe();

        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), TestActor);
        Assert.Empty((await ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default)).Challenges);
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), waiter);
        await waiter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        owner.Tell(new OriginChallenged(Id, s_challenge));

        Assert.Equal("Digest", Assert.Single((await waiter.ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default)).Challenges).Scheme);
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), TestActor);
        Assert.Single((await ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default)).Challenges);
    }

    [Fact]
    public async Task ADiscoveryThatLearnsNoChallenge_ReleasesTheWaiters()
    {
        IActorRef owner = Owner();
        var waiter = CreateTestProbe();
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), TestActor);
        await ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default);
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), waiter);

        owner.Tell(new OriginDiscoveryEnded(Id));

        Assert.Empty((await waiter.ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default)).Challenges);
    }

    [Fact]
    public async Task ADiscovererThatNeverReports_ReleasesTheWaitersAfterItsWait()
    {
        IActorRef owner = Owner();
        var waiter = CreateTestProbe();
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMilliseconds(200)), TestActor);
        await ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default);
        owner.Tell(new GetOriginChallenges(Id, TimeSpan.FromMinutes(1)), waiter);

        Assert.Empty((await waiter.ExpectMsgAsync<OriginChallenges>(TestTimeouts.Default)).Challenges);
    }

    private IActorRef Owner()
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        return Sys.ActorOf(SpaceOwnerActor.Props(Id, TimeSpan.FromSeconds(1)));
    }
}
