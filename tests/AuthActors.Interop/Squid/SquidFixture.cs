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
