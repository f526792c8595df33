using AuthActors.Interop.Apache;
using AuthActors.Interop.Infrastructure;
using AuthActors.Interop.Lighttpd;

namespace AuthActors.Interop.Throughput;

/// <summary>
/// One lighttpd (MD5, SHA-256 and both, as <see cref="LighttpdFixture"/>) and one Apache (as
/// <see cref="ApacheFixture"/>), each with an open file beside the Digest locations, started only
/// when <c>AUTHACTORS_INTEROP_THROUGHPUT=1</c> so that CI runs stay short.
/// </summary>
public sealed class ThroughputFixture : IAsyncLifetime
{
    /// <summary>The variable that turns the throughput measurements on.</summary>
    public const string EnableVariable = "AUTHACTORS_INTEROP_THROUGHPUT";

    /// <summary>The open (unauthenticated) path, outside every protected location of both configs.</summary>
    internal const string OpenPath = "/open/a.txt";

    private LighttpdServer? _lighttpd;
    private ApacheServer? _apache;

    /// <summary>Whether the measurements run; when not, the servers are never started.</summary>
    public static bool IsEnabled => Environment.GetEnvironmentVariable(EnableVariable) == "1";

    internal static string DisabledReason => $"throughput measurements run only with {EnableVariable}=1 (about 20 s at the default 5,000 requests per run)";

    public async Task InitializeAsync()
    {
        if (!IsEnabled)
        {
            return;
        }

        if (LighttpdServer.MissingReason is null)
        {
            _lighttpd = await LighttpdServer.StartAsync(LighttpdFixture.All);
            AddOpenFile(_lighttpd.ErrorLogPath);
        }

        if (ApacheServer.MissingReason is null)
        {
            _apache = await ApacheServer.StartAsync(ApacheFixture.All);
            AddOpenFile(_apache.ErrorLogPath);
        }
    }

    public async Task DisposeAsync()
    {
        if (_lighttpd is not null)
        {
            await _lighttpd.DisposeAsync();
        }

        if (_apache is not null)
        {
            await _apache.DisposeAsync();
        }
    }

    /// <summary>The lighttpd; skips when the measurements are off or lighttpd is missing (fails on CI when on and missing).</summary>
    internal LighttpdServer RequireLighttpd()
    {
        Skip.IfNot(IsEnabled, DisabledReason);
        InteropEnvironment.Require(LighttpdServer.MissingReason);
        return _lighttpd!;
    }

    /// <summary>The Apache; skips when the measurements are off or Apache is missing (fails on CI when on and missing).</summary>
    internal ApacheServer RequireApache()
    {
        Skip.IfNot(IsEnabled, DisabledReason);
        InteropEnvironment.Require(ApacheServer.MissingReason);
        return _apache!;
    }

    private static void AddOpenFile(string errorLogPath)
    {
        // Both generated configs keep logs/ and htdocs/ side by side in the server's own temporary
        // directory, and serve htdocs/ as the document root; a file outside the protected
        // directories needs no auth. Static files are looked up per request, so adding one after
        // start is enough.
        string root = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(errorLogPath)!)!, "htdocs");
        string file = Path.Combine(root, OpenPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "ok\n");
    }
}
