using Akka.Actor;
using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Cluster;

/// <summary>
/// A node's side of the fleet's record of challenges: an origin's record lives with a sharded
/// owner (entity id <c>challenges ORIGIN</c>). While another node discovers the origin, the question
/// waits for what it learns, at most half the discovery timeout; one that gets no answer counts as
/// "none known": the node discovers the origin itself, as in one process.
/// </summary>
internal sealed class ClusterFleetChallenges(Func<CancellationToken, Task<IActorRef>> region, ClusterSettings settings, TimeSpan discoveryTimeout) : IFleetChallenges
{
    public static string OriginId(OriginKey origin) => $"challenges {(origin.IsProxy ? "proxy" : "origin")} {origin}";

    public async Task<IReadOnlyList<AuthChallenge>> KnownAsync(OriginKey origin)
    {
        try
        {
            using var timeout = new CancellationTokenSource(settings.AskTimeout);
            IActorRef owners = await region(timeout.Token).ConfigureAwait(false);
            TimeSpan wait = discoveryTimeout / 2;
            OriginChallenges known = await owners.Ask<OriginChallenges>(new GetOriginChallenges(OriginId(origin), wait), wait + settings.AskTimeout).ConfigureAwait(false);
            return [.. known.Challenges.Select(ToChallenge)];
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException)
        {
            return [];
        }
    }

    public void Publish(OriginKey origin, AuthChallenge challenge)
    {
        Task<IActorRef> owners = region(CancellationToken.None);
        if (owners.IsCompletedSuccessfully)
        {
            owners.Result.Tell(new OriginChallenged(OriginId(origin), FromChallenge(challenge)), ActorRefs.NoSender);
        }
    }

    public void DiscoveryEnded(OriginKey origin)
    {
        Task<IActorRef> owners = region(CancellationToken.None);
        if (owners.IsCompletedSuccessfully)
        {
            owners.Result.Tell(new OriginDiscoveryEnded(OriginId(origin)), ActorRefs.NoSender);
        }
    }

    private static SharedChallenge FromChallenge(AuthChallenge challenge) =>
        new(challenge.Scheme, [.. challenge.Parameters.SelectMany(p => (string[])[p.Key, p.Value])], challenge.Token68);

    private static AuthChallenge ToChallenge(SharedChallenge shared) =>
        new(shared.Scheme, [.. shared.Parameters.Chunk(2).Where(p => p.Length == 2).Select(p => KeyValuePair.Create(p[0], p[1]))], shared.Token68);
}
