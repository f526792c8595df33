using AuthActors.Host.Server;

namespace AuthActors.Interop.Squid;

/// <summary>
/// One Squid and the origin behind it for a test class: the embedded DigestServer on 127.0.0.1,
/// whose open path answers 200 without auth (and counts what reached it), so everything a test
/// checks about auth happens at the proxy.
/// </summary>
public abstract class SquidFixture : IAsyncLifetime
{
    private SquidServer? _squid;
    private DigestServer? _origin;
    private string? _missing;

    internal abstract SquidOptions Options { get; }

    public async Task InitializeAsync()
    {
        _missing = SquidServer.MissingReason(Options);
        if (_missing is null)
        {
            _origin = await DigestServer.StartAsync(new DigestServerOptions());
            _squid = await SquidServer.StartAsync(Options);
        }
    }

    public async Task DisposeAsync()
    {
        if (_squid is not null)
        {
            await _squid.DisposeAsync();
        }

        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }
    }

    internal (SquidServer Squid, DigestServer Origin) Require()
    {
        Infrastructure.InteropEnvironment.Require(_missing);
        return (_squid!, _origin!);
    }
}

/// <summary>Digest with nonces that go stale after 20 uses or 2 s; nc must grow (the default check).</summary>
public sealed class SquidDigestFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2 };
}

/// <summary>Digest with nonce_strictness on: nc must grow by exactly one.</summary>
public sealed class SquidStrictFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2, NonceStrictness = true };
}

/// <summary>Digest with check_nonce_count off: nc is ignored.</summary>
public sealed class SquidNoNcCheckFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { NonceMaxCount = 20, NonceMaxDurationSeconds = 2, CheckNonceCount = false };
}

/// <summary>Basic proxy authentication.</summary>
public sealed class SquidBasicFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { Scheme = "basic" };
}
