namespace AuthActors.Interop.Squid;

/// <summary>Digest with check_nonce_count off: nc is ignored.</summary>
public sealed class SquidNoNcCheckFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2, CheckNonceCount = false };
}
