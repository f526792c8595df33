using Akka.Actor;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Cluster;

/// <summary>
/// A node's side of shared Bearer tokens: asks the space's owner for the fleet's token; when told
/// to, fetches it with this node's own credential and reports it, so the fleet makes one token
/// request per token lifetime. Questions that get no answer are asked again every
/// <see cref="ClusterSettings.AskTimeout"/> until <see cref="ClusterSettings.GrantTimeout"/>.
/// </summary>
internal sealed class ClusterFleetTokens(Func<CancellationToken, Task<IActorRef>> region, ClusterSettings settings, TimeProvider timeProvider) : IFleetTokens
{
    public async Task<TokenEndpointResult> GetAsync(
        SpaceKey space,
        string? refused,
        TimeSpan minRemaining,
        Func<CancellationToken, Task<TokenEndpointResult>> fetch,
        CancellationToken cancellationToken)
    {
        string id = ClusterNonceCounts.SpaceId(space);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.GrantTimeout);
        IActorRef owner = await region(deadline.Token).ConfigureAwait(false);
        while (true)
        {
            object answer;
            try
            {
                answer = await owner.Ask<object>(new GetFleetToken(id, refused, minRemaining), settings.AskTimeout, deadline.Token).ConfigureAwait(false);
            }
            catch (AskTimeoutException) when (!deadline.IsCancellationRequested)
            {
                continue; // a moving shard may drop the question: ask again
            }
            catch (InvalidOperationException e)
            {
                return TokenEndpointResult.Failure(e.Message); // the node that fetched for the fleet failed
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return TokenEndpointResult.Failure($"the fleet gave no Bearer token for {space} within {settings.GrantTimeout.TotalSeconds:0.#} s");
            }

            switch (answer)
            {
                case FleetTokenGranted granted:
                    return TokenEndpointResult.Success(granted.Token, granted.Remaining);
                case FetchFleetToken:
                    return await FetchForFleetAsync(owner, id, fetch, cancellationToken).ConfigureAwait(false);
                default:
                    return TokenEndpointResult.Failure($"the owner of {space} answered {answer.GetType().Name}");
            }
        }
    }

    private async Task<TokenEndpointResult> FetchForFleetAsync(IActorRef owner, string id, Func<CancellationToken, Task<TokenEndpointResult>> fetch, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        TokenEndpointResult result;
        try
        {
            result = await fetch(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            owner.Tell(new FleetTokenFailed(id, $"the token request failed: {e.GetType().Name}"));
            throw;
        }

        if (result.IsSuccess)
        {
            // Others count the lifetime from when the owner hears of it: take off what passed here.
            owner.Tell(new FleetTokenFetched(id, result.AccessToken!, result.ExpiresIn - timeProvider.GetElapsedTime(started)));
        }
        else
        {
            owner.Tell(new FleetTokenFailed(id, result.Error!));
        }

        return result;
    }
}
