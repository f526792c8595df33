namespace AuthActors.Interop.Squid;

/// <summary>Digest with nonces that go stale after 20 uses or 2 s; nc must grow (the default check).</summary>
public sealed class SquidDigestFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2 };
}
