using System.Globalization;
using System.Text;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;

namespace AuthActors.Interop.Lighttpd;

/// <summary>
/// lighttpd (1.4.59+ for SHA-256) with mod_auth's htdigest backend, as a child process on
/// 127.0.0.1 with a generated config, htdigest file and logs in its own temp directory. The
/// htdigest file holds one line per user, realm and algorithm: lighttpd picks the line whose
/// hash length fits the algorithm the client answered with. lighttpd buffers its access log
/// and writes it out on SIGHUP (log cycling), which <see cref="FlushAccessLogAsync"/> sends.
/// </summary>
internal sealed class LighttpdServer : IAsyncDisposable
{
    public const string FileName = "a.txt";

    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;

    private LighttpdServer(TempDirectory directory, ServerProcess process)
    {
        _directory = directory;
        _process = process;
        AccessLog = new AccessLog(directory.Combine("logs/access.log"));
    }

    public static string? MissingReason =>
        Binary is null ? "lighttpd is not installed; install lighttpd to run the lighttpd interop tests" : null;

    public Uri BaseAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_process.Port}/"));

    public AccessLog AccessLog { get; }

    public string ErrorLogPath => _directory.Combine("logs/error.log");

    private static string? Binary => ServerBinaries.Find("lighttpd");

    public Uri Url(LighttpdLocation location, string query = "") => new(BaseAddress, location.Path + FileName + query);

    public static async Task<LighttpdServer> StartAsync(IReadOnlyList<LighttpdLocation> locations)
    {
        var directory = new TempDirectory("lighttpd");
        try
        {
            directory.CreateDirectory("logs");
            var htdigest = new StringBuilder();
            foreach (LighttpdLocation location in locations)
            {
                directory.CreateDirectory("htdocs" + location.Path.TrimEnd('/'));
                directory.WriteFile("htdocs" + location.Path + FileName, "ok\n");
                foreach (DigestAlgorithm algorithm in location.Algorithms)
                {
                    // user:realm:HA1, HA1 with the algorithm's own hash (RFC 7616 §3.4.2).
                    string ha1 = DigestCalculator.ComputeHa1(algorithm, InteropUsers.UserName, location.Realm, InteropUsers.Password);
                    htdigest.Append(CultureInfo.InvariantCulture, $"{InteropUsers.UserName}:{location.Realm}:{ha1}\n");
                }
            }

            directory.WriteFile("htdigest", htdigest.ToString());
            string configPath = directory.Combine("lighttpd.conf");
            string errorLog = directory.Combine("logs/error.log");
            ServerProcess process = await ServerProcess.StartAsync(
                port =>
                {
                    File.WriteAllText(configPath, CreateConfig(directory, port, locations));
                    return new ServerLaunch("lighttpd", Binary!, ["-D", "-f", configPath], directory.Path, port);
                },
                output => (output + FileProbe.ReadShared(errorLog)).Contains("Address already in use", StringComparison.OrdinalIgnoreCase));
            return new LighttpdServer(directory, process);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Makes lighttpd write out its buffered access log (SIGHUP cycles the logs).</summary>
    public Task FlushAccessLogAsync()
    {
        _process.Signal(Posix.SigHup);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    private static string CreateConfig(TempDirectory directory, int port, IReadOnlyList<LighttpdLocation> locations)
    {
        var require = new StringBuilder();
        foreach (LighttpdLocation location in locations)
        {
            if (require.Length > 0)
            {
                require.Append(",\n");
            }

            string algorithms = string.Join("|", location.Algorithms.Select(DigestAlgorithms.ToToken));
            require.Append(CultureInfo.InvariantCulture,
                $"  \"{location.Path}\" => ( \"method\" => \"digest\", \"realm\" => \"{location.Realm}\", \"require\" => \"valid-user\", \"algorithm\" => \"{algorithms}\" )");
        }

        // Runs as the current user (lighttpd, unlike Apache, may serve as root); binds 127.0.0.1 only.
        return string.Create(CultureInfo.InvariantCulture, $$"""
            server.document-root = "{{directory.Combine("htdocs")}}"
            server.bind = "127.0.0.1"
            server.port = {{port}}
            server.pid-file = "{{directory.Combine("lighttpd.pid")}}"
            server.errorlog = "{{directory.Combine("logs/error.log")}}"
            server.max-keep-alive-requests = 10000
            server.modules = ( "mod_auth", "mod_authn_file", "mod_accesslog" )
            accesslog.filename = "{{directory.Combine("logs/access.log")}}"
            # Status, method and path, and the challenge sent back; never the client's credentials.
            accesslog.format = "%>s %m %U chal=\"%{WWW-Authenticate}o\""
            auth.backend = "htdigest"
            auth.backend.htdigest.userfile = "{{directory.Combine("htdigest")}}"
            auth.require = (
            {{require}}
            )

            """);
    }
}
