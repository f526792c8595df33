using Akka.Actor;
using AuthActors.Diagnostics;
using AuthActors.Spaces;
using Microsoft.Extensions.Logging;

namespace AuthActors.Cluster;

/// <summary>
/// A node's side of cluster mode: every nonce a space adopts gets a <see cref="FleetNonceStream"/>
/// whose blocks come from the space's owner through the shard region. A question that gets no
/// answer within <see cref="ClusterSettings.AskTimeout"/> is asked again (a shard moving
/// between nodes can drop a buffered message), until <see cref="ClusterSettings.GrantTimeout"/>.
/// </summary>
internal sealed partial class ClusterNonceCounts : IFleetNonceCounts
{
    private readonly Func<CancellationToken, Task<IActorRef>> _region;
    private readonly ClusterSettings _options;
    private readonly AuthActorsDiagnostics _diagnostics;
    private readonly ILogger _logger;

    public ClusterNonceCounts(Func<CancellationToken, Task<IActorRef>> region, ClusterSettings options, AuthActorsDiagnostics diagnostics, ILogger logger)
    {
        _region = region;
        _options = options.Validate();
        _diagnostics = diagnostics;
        _logger = logger;
    }

    /// <summary>The sharding entity id of a space: the same on every node, for proxies and origins apart.</summary>
    public static string SpaceId(SpaceKey space) =>
        $"{(space.Origin.IsProxy ? "proxy" : "origin")} {space.Origin} {space.Realm}";

    /// <inheritdoc />
    public FleetNonceStream Open(SpaceKey space, string nonce)
    {
        string id = SpaceId(space);
        return new FleetNonceStream(ct => GrantAsync(id, nonce, ct), _options.NcBlockSize);
    }

    private async Task<long> GrantAsync(string spaceId, string nonce, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.GrantTimeout);
        IActorRef region = await _region(deadline.Token).ConfigureAwait(false);
        string? lastError = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                NonceCountsGranted granted = await region
                    .Ask<NonceCountsGranted>(new GrantNonceCounts(spaceId, nonce, _options.NcBlockSize), _options.AskTimeout, deadline.Token)
                    .ConfigureAwait(false);
                _diagnostics.NcBlocksGranted.Add(1);
                return granted.Start;
            }
            catch (AskTimeoutException)
            {
                lastError = "the owner did not answer";
            }
            catch (InvalidOperationException e)
            {
                lastError = e.Message; // the owner refused: no majority; ask again
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }

            GrantRetried(_logger, spaceId, lastError);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new SpaceUnavailableException(
            $"the fleet gave no nonce counts for {spaceId} within {_options.GrantTimeout.TotalSeconds:0.#} s: {lastError ?? "no answer"}");
    }

    [LoggerMessage(1301, LogLevel.Debug, "Nonce counts for {Space} asked again: {Reason}")]
    private static partial void GrantRetried(ILogger logger, string space, string? reason);
}
