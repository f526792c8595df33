namespace AuthActors.Host.Server;

/// <summary>What <see cref="NonceState.TryAccept"/> made of an nc value.</summary>
internal enum NcOutcome
{
    /// <summary>First use of this nc for its nonce.</summary>
    Accepted,

    /// <summary>This (nonce, nc) pair was seen before, or is too far below the highest to tell.</summary>
    Replayed,

    /// <summary>Not seen before, but not above the highest seen (rejected under <see cref="NcCheck.Increasing"/> only).</summary>
    OutOfOrder,
}
