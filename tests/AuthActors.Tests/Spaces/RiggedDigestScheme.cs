using System.Collections.Concurrent;
using AuthActors.Credentials;
using AuthActors.Protocol;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Tests.Spaces;

/// <summary>
/// Digest with two hooks for actor specs; every other path is the real <see cref="DigestScheme"/>.
/// <list type="bullet">
/// <item>A lease for a path under <see cref="TripPath"/> throws: a scheme bug on demand, for supervision.</item>
/// <item>A lease for a path under <see cref="HoldPath"/> keeps its space busy until <see cref="Release"/>,
/// so a spec can queue messages behind it in a known order.</item>
/// </list>
/// It notes, for every state it creates, whether the space said it was rebuilt, so a spec can
/// count the incarnations a <see cref="SpaceSeed"/> handed out.
/// </summary>
internal sealed class RiggedDigestScheme : IAuthScheme, IDisposable
{
    /// <summary>Leases for paths starting here throw <see cref="InvalidOperationException"/>.</summary>
    public const string TripPath = "/boom";

    /// <summary>Leases for paths starting here wait for <see cref="Release"/>.</summary>
    public const string HoldPath = "/hold";

    /// <summary>The text every tripwire exception carries, for EventFilter.</summary>
    public const string Marker = "tripwire";

    /// <summary>A bound on a hold the spec forgot to release: the space goes on rather than hang the run.</summary>
    private static readonly TimeSpan s_maxHold = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<bool> _rebuilt = new();
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();

    public string Name => DigestScheme.Instance.Name;

    /// <summary><see cref="SpaceContext.IsRebuilt"/> of each state created, in order.</summary>
    public IReadOnlyList<bool> Incarnations => [.. _rebuilt];

    /// <summary>Completes when a space is held inside a <see cref="HoldPath"/> lease.</summary>
    public Task Holding => _holding.Task;

    public void Release() => _released.Set();

    public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection) =>
        DigestScheme.Instance.Rank(challenge, policy, secureTransport, out rejection);

    public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context)
    {
        _rebuilt.Enqueue(context.IsRebuilt);
        return new State(DigestScheme.Instance.CreateState(challenge, context), context.Key, this);
    }

    public void Dispose() => _released.Dispose();

    private sealed class State(AuthSchemeState digest, SpaceKey key, RiggedDigestScheme rig) : AuthSchemeState
    {
        public override bool RequiresCredential => digest.RequiresCredential;

        public override void OnCredential(Credential credential) => digest.OnCredential(credential);

        public override LeaseDecision Lease(LeaseContext request)
        {
            if (request.Path.StartsWith(TripPath, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Marker} hit by {request.Path} in {key}");
            }

            if (request.Path.StartsWith(HoldPath, StringComparison.Ordinal))
            {
                // Blocks the space's thread on purpose: its mailbox fills behind this message.
                rig._holding.TrySetResult();
                rig._released.Wait(s_maxHold);
            }

            return digest.Lease(request);
        }

        public override ChallengeDecision OnChallenge(ChallengeContext context) => digest.OnChallenge(context);

        public override void OnCompleted(AuthLease lease, LeaseOutcome outcome) => digest.OnCompleted(lease, outcome);
    }
}
