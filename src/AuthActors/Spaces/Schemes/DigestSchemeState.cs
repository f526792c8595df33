using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// A Digest space's nonces, counts and HA1, owned by the space's actor (one message at a time,
/// so no locks). Two ways to lease a nonce:
/// <list type="bullet">
/// <item><b>Shared</b>: one nonce for every caller, nc strictly increasing (RFC 7616 §3.4). A stale
/// nonce is replaced once, by the first report that still names it; later reports of the old nonce
/// simply get a lease on the new one. Steady state: one round trip per request.</item>
/// <item><b>Exclusive</b>: each nonce is leased to one request at a time, so its nc reaches the
/// server in order. For servers that check nc strictly (Apache AuthDigestNcCheck) or hand out
/// one-time nonces with nextnonce. The pool grows to the concurrency, one 401 per extra nonce.</item>
/// </list>
/// In <see cref="LeaseMode.Auto"/> a space starts shared and switches to exclusive when the server
/// rejects, without stale, a credential it accepted before; when it sends nextnonce; or when a
/// shared nonce goes stale young (used up or killed, as Squid does). A refusal is called a wrong
/// credential only when nothing on its nonce can still prove otherwise, so it never loops and a
/// strict server is never mistaken for a wrong password.
/// </summary>
internal sealed class DigestSchemeState : AuthSchemeState
{
    /// <summary>Younger than this at its stale answer, a shared nonce was used up, not expired.</summary>
    private static readonly TimeSpan YoungNonceAge = TimeSpan.FromSeconds(2);

    private readonly SpaceContext _context;
    private readonly bool _auto;
    private readonly List<NonceSlot> _pool = [];
    private DigestChallenge _challenge;
    private LeaseMode _mode;
    private NonceSlot _shared;
    private Credential? _credential;
    private string? _ha1;
    private int _generation;
    private bool _credentialProven;
    private int _fetching;
    private bool? _opaquePerClient;

    public DigestSchemeState(DigestChallenge challenge, SpaceContext context)
    {
        _challenge = challenge;
        _context = context;
        _auto = context.Settings.LeaseMode == LeaseMode.Auto;
        _mode = context.Settings.LeaseMode == LeaseMode.Exclusive ? LeaseMode.Exclusive : LeaseMode.Shared;
        _shared = NewSlot(challenge);
        if (context.IsRebuilt)
        {
            // The challenge's nonce may be used already: counting from nc 1 again would replay.
            // Mark it spent; the first request fetches a fresh one (one 401 per rebuild).
            _shared.Nc = uint.MaxValue;
        }
        else if (_mode == LeaseMode.Exclusive)
        {
            _pool.Add(_shared);
        }
    }

    /// <summary>Shared or Exclusive, as leased now.</summary>
    public LeaseMode Mode => _mode;

    /// <summary>Exclusive mode: how many nonces the pool holds.</summary>
    public int PoolSize => _pool.Count;

    private int MaxPool => _context.Settings.MaxNoncePool;

    /// <inheritdoc />
    public override void OnCredential(Credential credential)
    {
        _credential = credential;
        _ha1 = DigestCalculator.ComputeHa1(_challenge.Algorithm, credential.UserName, _challenge.Realm, credential.Password);
        _generation++;
        _credentialProven = false;
        _shared.Ha1 = null;
        foreach (NonceSlot slot in _pool)
        {
            slot.Ha1 = null;
        }
    }

    /// <inheritdoc />
    public override LeaseDecision Lease(LeaseContext request)
    {
        if (_mode == LeaseMode.Shared)
        {
            if (_shared.Nc != uint.MaxValue)
            {
                return LeaseDecision.Issue(Issue(_shared, request.HasBody));
            }

            // Spent (rebuilt space, or nc would wrap): one request fetches a fresh nonce, the
            // others wait for it.
            if (_fetching > 0)
            {
                return LeaseDecision.Wait;
            }

            _fetching++;
            return LeaseDecision.Issue(new NonceFetchLease(this));
        }

        NonceSlot? free = FindFree();
        if (free is not null)
        {
            return LeaseDecision.Issue(Issue(free, request.HasBody));
        }

        if (_pool.Count + _fetching < MaxPool)
        {
            _fetching++;
            return LeaseDecision.Issue(new NonceFetchLease(this));
        }

        return LeaseDecision.Wait;
    }

    /// <inheritdoc />
    public override ChallengeDecision OnChallenge(ChallengeContext context)
    {
        if (!DigestChallenge.TryCreate(context.Challenge, out DigestChallenge? challenge, out string? error))
        {
            return ChallengeDecision.GiveUp($"Digest challenge for {_context.Key} is malformed: {error}");
        }

        if (challenge.Algorithm != _challenge.Algorithm)
        {
            // The server changed algorithm: everything derived from the old one is void.
            Reset(challenge);
            return OnFreshChallenge(challenge, context.HasBody, RetryReason.Challenge);
        }

        _challenge = challenge;
        return context.Lease switch
        {
            NonceFetchLease fetch when fetch.State == this => OnFetched(challenge, context.HasBody),
            DigestLease lease when lease.State == this && IsLive(lease.Slot) => OnChallengeForLease(lease, challenge, context.HasBody),
            // Our lease, on a nonce retired since (a mode switch): not this request's first challenge.
            DigestLease lease when lease.State == this => OnFreshChallenge(challenge, context.HasBody, RetryReason.NonceRefused),
            _ => OnFreshChallenge(challenge, context.HasBody, RetryReason.Challenge),
        };
    }

    /// <inheritdoc />
    public override void OnCompleted(AuthLease lease, LeaseOutcome outcome)
    {
        if (lease is NonceFetchLease fetch)
        {
            if (fetch.State == this && _fetching > 0)
            {
                _fetching--;
            }

            return;
        }

        if (lease is not DigestLease digest || digest.State != this)
        {
            return;
        }

        Judge(digest);
        NonceSlot slot = digest.Slot;
        bool live = IsLive(slot);
        bool sameNonce = slot.Nonce == digest.Nonce;
        if (outcome.Answered && digest.Generation == _generation)
        {
            _credentialProven = true;
            if (live && sameNonce)
            {
                slot.Proven = true;
            }
        }

        if (live && sameNonce && outcome.AuthenticationInfo is not null
            && AuthenticationInfo.TryParse(outcome.AuthenticationInfo, out AuthenticationInfo? info, out _)
            && info.NextNonce is { Length: > 0 } next
            && next != slot.Nonce) // the same nonce again: keep counting on it (a restart would replay nc)
        {
            // RFC 7616 §3.5: the next request should use nextnonce. A server that sends it wants its
            // nonces used in sequence, which only exclusive leases can promise.
            if (_mode == LeaseMode.Shared && _auto)
            {
                SwitchToExclusive("the server sends nextnonce");
                slot = NewSlot(next, slot.Opaque);
                _pool.Add(slot);
            }
            else
            {
                Adopt(slot, next, slot.Opaque);
            }
        }

        if (_mode == LeaseMode.Exclusive && live)
        {
            slot.InUse = false;
        }
    }

    private ChallengeDecision OnFetched(DigestChallenge challenge, bool hasBody)
    {
        _fetching = Math.Max(0, _fetching - 1);
        if (_mode != LeaseMode.Exclusive)
        {
            if (_shared.Nc == uint.MaxValue)
            {
                Adopt(_shared, challenge.Nonce, challenge.Opaque);
            }

            return ChallengeDecision.Retry(Issue(_shared, hasBody), RetryReason.Challenge);
        }

        NoteOpaqueStyle(challenge.Opaque);
        if (_pool.Count < MaxPool && Clash(challenge.Nonce, challenge.Opaque, except: null) is null)
        {
            NonceSlot slot = NewSlot(challenge);
            _pool.Add(slot);
            return ChallengeDecision.Retry(Issue(slot, hasBody), RetryReason.Challenge);
        }

        return OnFreshChallenge(challenge, hasBody, RetryReason.Challenge);
    }

    /// <summary>A request that carried none of our leases met a challenge (a fresh nonce in hand).</summary>
    private ChallengeDecision OnFreshChallenge(DigestChallenge challenge, bool hasBody, RetryReason reason)
    {
        if (_mode == LeaseMode.Shared)
        {
            if (_shared.Nc == uint.MaxValue)
            {
                Adopt(_shared, challenge.Nonce, challenge.Opaque);
            }

            return ChallengeDecision.Retry(Issue(_shared, hasBody), reason);
        }

        NonceSlot? free = FindFree();
        if (free is not null)
        {
            return ChallengeDecision.Retry(Issue(free, hasBody), reason);
        }

        // A nonce another slot already holds (servers hand one successor to every holder of an
        // expired nonce) must not be leased twice: wait for a slot to come free instead.
        if (_pool.Count < MaxPool && Clash(challenge.Nonce, challenge.Opaque, except: null) is null)
        {
            NonceSlot slot = NewSlot(challenge);
            _pool.Add(slot);
            return ChallengeDecision.Retry(Issue(slot, hasBody), reason);
        }

        return ChallengeDecision.Wait;
    }

    private ChallengeDecision OnChallengeForLease(DigestLease lease, DigestChallenge challenge, bool hasBody)
    {
        Judge(lease);
        NonceSlot slot = lease.Slot;
        bool current = slot.Nonce == lease.Nonce;
        if (challenge.Stale)
        {
            // RFC 7616 §3.3: the credential was right, the nonce is old. Replace it once: the first
            // report naming the current nonce does; reports naming an older one find it done.
            if (_mode == LeaseMode.Exclusive && !TryAdoptExclusive(slot, challenge, current))
            {
                return OnFreshChallenge(challenge, hasBody, RetryReason.Stale);
            }

            if (_mode == LeaseMode.Shared && current)
            {
                _context.Diagnostics.StaleRefreshes.Add(1);
                if (_auto && DiedYoung(slot))
                {
                    // Nonces die young: a use limit (Squid's nonce_max_count) or a server that
                    // kills a nonce on an out-of-order nc and calls it stale. A shared nonce cannot
                    // survive that under concurrency; one nonce per request can. The retry counts
                    // as a refused nonce, not a stale one: this request may have spent that already.
                    SwitchToExclusive("shared nonces go stale after a few uses");
                    NonceSlot fresh = NewSlot(challenge);
                    _pool.Add(fresh);
                    return ChallengeDecision.Retry(Issue(fresh, hasBody), RetryReason.NonceRefused);
                }

                Adopt(slot, challenge.Nonce, challenge.Opaque);
            }
            else if (current)
            {
                _context.Diagnostics.StaleRefreshes.Add(1);
            }

            return ChallengeDecision.Retry(Issue(slot, hasBody), RetryReason.Stale);
        }

        if (lease.Generation != _generation)
        {
            // Issued under a credential that has been rotated since: not this credential's fault.
            return ChallengeDecision.Retry(Issue(_mode == LeaseMode.Shared ? _shared : slot, hasBody), RetryReason.Challenge);
        }

        if (_mode == LeaseMode.Exclusive)
        {
            if (slot.Proven || lease.Nc > 1)
            {
                // The nonce worked before on this slot: it is used up (one-time nonce, strict nc),
                // not the credential. Take the fresh nonce from this challenge.
                return TryAdoptExclusive(slot, challenge, current)
                    ? ChallengeDecision.Retry(Issue(slot, hasBody), RetryReason.NonceRefused)
                    : OnFreshChallenge(challenge, hasBody, RetryReason.NonceRefused);
            }

            slot.InUse = false;
            return Rejected();
        }

        if (!current)
        {
            // Another request already moved the nonce on; try once on the current one.
            return ChallengeDecision.Retry(Issue(_shared, hasBody), RetryReason.NonceRefused);
        }

        if (_credentialProven || slot.Proven)
        {
            // Accepted before, refused now without stale: the server is strict about nc order
            // (Apache AuthDigestNcCheck answers out-of-order nc this way). Never a wrong password.
            if (_auto)
            {
                SwitchToExclusive("the server refused an out-of-order nc");
                NonceSlot fresh = NewSlot(challenge);
                _pool.Add(fresh);
                return ChallengeDecision.Retry(Issue(fresh, hasBody), RetryReason.NonceRefused);
            }

            Adopt(_shared, challenge.Nonce, challenge.Opaque);
            return ChallengeDecision.Retry(Issue(_shared, hasBody), RetryReason.NonceRefused);
        }

        if (slot.Unjudged > 0)
        {
            // Requests on this nonce are still out: one of them may prove the credential (then
            // this refusal was about nc order), or all fail (then it is the credential). Wait.
            return ChallengeDecision.Wait;
        }

        return Rejected();
    }

    /// <summary>Records that <paramref name="lease"/>'s outcome is known (answered or refused).</summary>
    private static void Judge(DigestLease lease)
    {
        if (lease.Pending)
        {
            lease.Pending = false;
            if (lease.Slot.Nonce == lease.Nonce && lease.Slot.Unjudged > 0)
            {
                lease.Slot.Unjudged--;
            }
        }
    }

    /// <summary>
    /// Exclusive mode: moves <paramref name="slot"/> to the challenge's nonce, unless another slot
    /// already holds that nonce; then this slot is retired (false) and the request takes any
    /// free slot instead. A slot that moved on already (not <paramref name="current"/>) keeps its nonce.
    /// </summary>
    private bool TryAdoptExclusive(NonceSlot slot, DigestChallenge challenge, bool current)
    {
        if (!current)
        {
            return true;
        }

        if (Clash(challenge.Nonce, challenge.Opaque, except: slot) is null)
        {
            Adopt(slot, challenge.Nonce, challenge.Opaque);
            return true;
        }

        _pool.Remove(slot);
        return false;
    }

    /// <summary>
    /// The slot (other than <paramref name="except"/>) that a slot on this nonce and opaque would
    /// collide with: the same nonce and opaque (a server hands one successor to every holder of an
    /// expired nonce), or, where the server gives each client its own opaque and counts nc per
    /// opaque (Apache with AuthDigestNcCheck), the same opaque.
    /// </summary>
    private NonceSlot? Clash(string nonce, string? opaque, NonceSlot? except)
    {
        bool opaqueIsClient = _opaquePerClient != false && !string.IsNullOrEmpty(opaque);
        foreach (NonceSlot slot in _pool)
        {
            if (!ReferenceEquals(slot, except)
                && slot.Opaque == opaque
                && (opaqueIsClient || slot.Nonce == nonce))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>
    /// A challenge to a request that sent no opaque shows how the server uses opaque: a new one
    /// each time means one per client (nc counted per opaque); the same one means a fixed value.
    /// Until it is known, opaques are kept apart, which is safe either way.
    /// </summary>
    private void NoteOpaqueStyle(string? opaque)
    {
        if (!string.IsNullOrEmpty(opaque) && _pool.Count > 0)
        {
            _opaquePerClient = !_pool.Exists(s => s.Opaque == opaque);
        }
    }

    /// <summary>
    /// A shared nonce that went stale within <see cref="YoungNonceAge"/> of its adoption, or after
    /// fewer uses than two pools' worth of requests, did not expire by age as servers configure it
    /// (Apache 300 s, Squid 30 min): it was used up or killed.
    /// </summary>
    private bool DiedYoung(NonceSlot slot) =>
        slot.Nc < 2u * (uint)MaxPool || _context.TimeProvider.GetElapsedTime(slot.AdoptedAt) < YoungNonceAge;

    private ChallengeDecision Rejected()
    {
        _credentialProven = false;
        return ChallengeDecision.Reject($"the server refused the credential for {_context.Key}");
    }

    private DigestLease Issue(NonceSlot slot, bool hasBody)
    {
        if (_credential is null || _ha1 is null)
        {
            throw new InvalidOperationException($"Digest space {_context.Key} has no credential yet.");
        }

        slot.Nc++;
        slot.Ha1 ??= DigestAlgorithms.IsSession(_challenge.Algorithm)
            ? DigestCalculator.ComputeSessionHa1(_challenge.Algorithm, _ha1, slot.Nonce, slot.Cnonce)
            : _ha1;
        if (_mode == LeaseMode.Exclusive)
        {
            slot.InUse = true;
        }

        var template = new DigestRequest
        {
            Algorithm = _challenge.Algorithm,
            AlgorithmToken = _challenge.AlgorithmToken,
            UserName = _credential.UserName,
            Realm = _challenge.Realm,
            Nonce = slot.Nonce,
            Ha1 = slot.Ha1,
            Method = "",
            DigestUri = "",
            Qop = _challenge.PreferredQop(hasBody),
            Nc = slot.Nc,
            Cnonce = slot.Cnonce,
            Opaque = slot.Opaque,
            UserHash = _challenge.UserHash,
            Utf8 = _challenge.Utf8,
        };
        bool wantsCompletion = _mode == LeaseMode.Exclusive || !slot.Proven;
        var lease = new DigestLease(this, slot, template, _generation, wantsCompletion);
        if (!slot.Proven)
        {
            slot.Unjudged++;
            lease.Pending = true;
        }

        return lease;
    }

    private NonceSlot? FindFree()
    {
        foreach (NonceSlot slot in _pool)
        {
            if (!slot.InUse && slot.Nc < uint.MaxValue)
            {
                return slot;
            }
        }

        return null;
    }

    private bool IsLive(NonceSlot slot) => _mode == LeaseMode.Shared ? ReferenceEquals(slot, _shared) : _pool.Contains(slot);

    private void SwitchToExclusive(string why)
    {
        _mode = LeaseMode.Exclusive;
        _pool.Clear();
        _fetching = 0;
        _context.Diagnostics.ModeSwitches.Add(1);
        SpaceLog.SwitchedToExclusive(_context.Logger, _context.Key.ToString(), why);
    }

    private void Reset(DigestChallenge challenge)
    {
        _challenge = challenge;
        _shared = NewSlot(challenge);
        _pool.Clear();
        _fetching = 0;
        if (_mode == LeaseMode.Exclusive)
        {
            _pool.Add(_shared);
        }

        if (_credential is not null)
        {
            OnCredential(_credential);
        }
    }

    private NonceSlot NewSlot(DigestChallenge challenge) => NewSlot(challenge.Nonce, challenge.Opaque);

    private NonceSlot NewSlot(string nonce, string? opaque) =>
        new(nonce, opaque, DigestCalculator.CreateCnonce())
        {
            AdoptedAt = _context.TimeProvider.GetTimestamp(),
            Fleet = _context.Fleet?.Open(_context.Key, nonce),
        };

    /// <summary>Moves <paramref name="slot"/> to a new nonce (nc restarts, a fresh cnonce, and in a
    /// fleet a fresh stream of counts) and notes when.</summary>
    private void Adopt(NonceSlot slot, string nonce, string? opaque)
    {
        slot.Adopt(nonce, opaque, DigestCalculator.CreateCnonce());
        slot.AdoptedAt = _context.TimeProvider.GetTimestamp();
        slot.Fleet = _context.Fleet?.Open(_context.Key, nonce);
    }
}
