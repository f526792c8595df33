namespace AuthActors.Interop.Apache;

/// <summary>One Apache for a test class, with a realm per configuration under test.</summary>
public sealed class ApacheFixture : IAsyncLifetime
{
    /// <summary>AuthDigestNcCheck Off, nonces good for 2 s (so they go stale during a run).</summary>
    internal static readonly ApacheLocation NcOff = new("/nc-off/", "apache-nc-off", NcCheck: false, NonceLifetimeSeconds: 2);

    /// <summary>AuthDigestNcCheck On, nonces good for 2 s.</summary>
    internal static readonly ApacheLocation NcOn = new("/nc-on/", "apache-nc-on", NcCheck: true, NonceLifetimeSeconds: 2);

    /// <summary>AuthDigestNcCheck On, nonces good for 300 s: no nextnonce (Apache sends it only
    /// in a nonce's last 30 s), so nc ordering is all that matters.</summary>
    internal static readonly ApacheLocation NcOnLong = new("/nc-on-long/", "apache-nc-on-long", NcCheck: true, NonceLifetimeSeconds: 300);

    /// <summary>AuthDigestNcCheck Off, nonces good for 300 s.</summary>
    internal static readonly ApacheLocation Long = new("/long/", "apache-long", NcCheck: false, NonceLifetimeSeconds: 300);

    internal static readonly ApacheLocation[] All = [NcOff, NcOn, NcOnLong, Long];

    private ApacheServer? _server;
    private string? _missing;

    public async Task InitializeAsync()
    {
        _missing = ApacheServer.MissingReason;
        if (_missing is null)
        {
            _server = await ApacheServer.StartAsync(All);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The server; skips the test (fails it on CI) when Apache is not installed.</summary>
    internal ApacheServer Require()
    {
        Infrastructure.InteropEnvironment.Require(_missing);
        return _server!;
    }

    internal static ApacheLocation ByName(string name) => All.Single(l => l.Path.Trim('/') == name);
}
