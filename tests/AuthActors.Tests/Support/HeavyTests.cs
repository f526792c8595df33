namespace AuthActors.Tests.Support;

/// <summary>
/// Tests that load both cores for seconds (a fleet of three actor systems, shutdown under load).
/// xunit runs this collection alone, after the parallel ones, so their load does not push the
/// timing-sensitive tests (nonces of a few hundred milliseconds) past their nonces' lifetimes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy: runs alone";
}
