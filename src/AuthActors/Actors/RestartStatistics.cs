namespace AuthActors.Actors;

/// <summary>A child's restart budget as its parent's strategy counts it. Touched only on the parent's thread.</summary>
internal struct RestartStatistics
{
    /// <summary>Restarts granted in the current window.</summary>
    public int Count;

    /// <summary>When the current window opened (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public long WindowStart;
}
