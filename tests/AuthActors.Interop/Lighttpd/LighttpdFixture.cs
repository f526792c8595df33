using AuthActors.Protocol;

namespace AuthActors.Interop.Lighttpd;

/// <summary>One lighttpd for a test class: MD5 only, SHA-256 only, and both offered.</summary>
public sealed class LighttpdFixture : IAsyncLifetime
{
    internal static readonly LighttpdLocation Md5 = new("/md5/", "lighttpd-md5", [DigestAlgorithm.Md5]);

    internal static readonly LighttpdLocation Sha256 = new("/sha256/", "lighttpd-sha256", [DigestAlgorithm.Sha256]);

    internal static readonly LighttpdLocation Both = new("/both/", "lighttpd-both", [DigestAlgorithm.Md5, DigestAlgorithm.Sha256]);

    internal static readonly LighttpdLocation[] All = [Md5, Sha256, Both];

    private LighttpdServer? _server;
    private string? _missing;

    public async Task InitializeAsync()
    {
        _missing = LighttpdServer.MissingReason;
        if (_missing is null)
        {
            _server = await LighttpdServer.StartAsync(All);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal LighttpdServer Require()
    {
        Infrastructure.InteropEnvironment.Require(_missing);
        return _server!;
    }

    internal static LighttpdLocation ByName(string name) => All.Single(l => l.Path.Trim('/') == name);
}
