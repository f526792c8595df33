namespace AuthActors.Interop.Squid;

/// <summary>Digest with nonce_strictness on: nc must grow by exactly one.</summary>
public sealed class SquidStrictFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2, NonceStrictness = true };
}
