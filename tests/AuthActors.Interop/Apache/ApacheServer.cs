using System.Globalization;
using System.Text;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;

namespace AuthActors.Interop.Apache;

/// <summary>
/// Apache httpd 2.4 with mod_auth_digest, as a child process on 127.0.0.1 with a generated
/// config, htdigest file, documents, pid file and logs in its own temp directory. Started as
/// root it drops to nobody (Apache refuses to serve as root). The access log records status,
/// method, path, the nc and nonce the client sent, and the challenge sent back.
/// </summary>
internal sealed class ApacheServer : IAsyncDisposable
{
    public const string FileName = "a.txt";

    private static readonly string[] s_moduleDirectories =
        ["/usr/lib/apache2/modules", "/usr/lib64/httpd/modules", "/usr/lib/httpd/modules", "/usr/local/apache2/modules"];

    private readonly TempDirectory _directory;
    private ServerProcess _process;

    private ApacheServer(TempDirectory directory, ServerProcess process, string configPath)
    {
        _directory = directory;
        _process = process;
        ConfigPath = configPath;
        AccessLog = new AccessLog(directory.Combine("logs/access.log"));
        ErrorLogPath = directory.Combine("logs/error.log");
    }

    /// <summary>Why Apache cannot run here, or null when it can.</summary>
    public static string? MissingReason
    {
        get
        {
            if (Binary is null)
            {
                return "Apache httpd (apache2 or httpd) is not installed; install apache2 to run the Apache interop tests";
            }

            return ModuleDirectory is null
                ? "Apache is installed but mod_auth_digest.so was not found in " + string.Join(", ", s_moduleDirectories)
                : null;
        }
    }

    public int Port => _process.Port;

    public Uri BaseAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    public AccessLog AccessLog { get; }

    public string ErrorLogPath { get; }

    public string ConfigPath { get; }

    private static string? Binary => ServerBinaries.Find("apache2", "httpd");

    private static string? ModuleDirectory => ServerBinaries.FindDirectoryWith("mod_auth_digest.so", s_moduleDirectories);

    public Uri Url(ApacheLocation location, string query = "") => new(BaseAddress, location.Path + FileName + query);

    public static async Task<ApacheServer> StartAsync(IReadOnlyList<ApacheLocation> locations)
    {
        var directory = new TempDirectory("apache");
        try
        {
            directory.CreateDirectory("logs");
            directory.CreateDirectory("run");
            var htdigest = new StringBuilder();
            foreach (ApacheLocation location in locations)
            {
                directory.CreateDirectory("htdocs" + location.Path.TrimEnd('/'));
                directory.WriteFile("htdocs" + location.Path + FileName, "ok\n");
                // htdigest format: user:realm:MD5(user:realm:password) (RFC 2617 §3.2.2.2 HA1).
                string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, InteropUsers.UserName, location.Realm, InteropUsers.Password);
                htdigest.Append(CultureInfo.InvariantCulture, $"{InteropUsers.UserName}:{location.Realm}:{ha1}\n");
            }

            directory.WriteFile("htdigest", htdigest.ToString());
            string configPath = directory.Combine("httpd.conf");
            ServerProcess process = await ServerProcess.StartAsync(port =>
            {
                File.WriteAllText(configPath, CreateConfig(directory, port, locations));
                return Launch(directory, configPath, port);
            });
            return new ApacheServer(directory, process, configPath);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Restarts the workers: SIGUSR1 (graceful: old workers finish their connections, keep-alive
    /// ones included, with the old secret) or SIGHUP (immediate: connections are dropped). Either
    /// way mod_auth_digest makes a new secret, so every nonce handed out before is answered with
    /// stale=true by the new workers. Returns once the new generation is configured.
    /// </summary>
    public async Task RestartAsync(bool graceful)
    {
        int generations = CountResumed(ReadErrorLog());
        _process.Signal(graceful ? Posix.SigUsr1 : Posix.SigHup);
        // The parent logs "resuming normal operations" once the new generation is configured.
        string? done = await FileProbe.WaitAsync(ErrorLogPath, () => Task.FromResult(CountResumed(ReadErrorLog()) > generations ? "" : null), ServerProcess.ReadyTimeout);
        if (done is null)
        {
            throw new InvalidOperationException("Apache did not finish its restart:\n" + ReadErrorLog());
        }
    }

    /// <summary>Hard stop (connections dropped), for restart tests; <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => _process.StopAsync();

    public async Task StartAgainAsync()
    {
        await _process.DisposeAsync();
        _process = await ServerProcess.StartAsync(Launch(_directory, ConfigPath, Port));
    }

    public string ReadErrorLog() => FileProbe.ReadShared(ErrorLogPath);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    private static int CountResumed(string errorLog)
    {
        int count = 0;
        for (int i = errorLog.IndexOf("resuming normal operations", StringComparison.Ordinal); i >= 0; i = errorLog.IndexOf("resuming normal operations", i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static ServerLaunch Launch(TempDirectory directory, string configPath, int port) =>
        new("apache", Binary!, ["-f", configPath, "-d", directory.Path, "-DFOREGROUND"], directory.Path, port);

    private static string CreateConfig(TempDirectory directory, int port, IReadOnlyList<ApacheLocation> locations)
    {
        string modules = ModuleDirectory!;
        var config = new StringBuilder();
        config.Append(CultureInfo.InvariantCulture, $"""
            ServerRoot "{directory.Path}"
            ServerName 127.0.0.1
            Listen 127.0.0.1:{port}
            DefaultRuntimeDir "{directory.Combine("run")}"
            PidFile "{directory.Combine("run/httpd.pid")}"
            Mutex file:{directory.Combine("run")} default

            """);
        if (File.Exists(Path.Combine(modules, "mod_mpm_event.so")))
        {
            config.Append(CultureInfo.InvariantCulture, $"LoadModule mpm_event_module \"{modules}/mod_mpm_event.so\"\n");
        }

        foreach (string module in new[] { "authn_core", "authn_file", "authz_core", "authz_user", "auth_digest", "setenvif" })
        {
            config.Append(CultureInfo.InvariantCulture, $"LoadModule {module}_module \"{modules}/mod_{module}.so\"\n");
        }

        foreach (string module in new[] { "unixd", "log_config" })
        {
            // Compiled in on Debian, a module elsewhere.
            if (File.Exists(Path.Combine(modules, $"mod_{module}.so")))
            {
                config.Append(CultureInfo.InvariantCulture, $"<IfModule !{module}_module>\nLoadModule {module}_module \"{modules}/mod_{module}.so\"\n</IfModule>\n");
            }
        }

        if (ServerBinaries.RunningAsRoot)
        {
            // Apache will not serve as root; its workers drop to nobody, which can read this
            // directory (0755) but the parent opens the logs before dropping.
            config.Append(CultureInfo.InvariantCulture, $"User nobody\nGroup {ServerBinaries.NobodyGroup}\n");
        }

        config.Append(CultureInfo.InvariantCulture, $$"""
            ErrorLog "{{directory.Combine("logs/error.log")}}"
            LogLevel warn auth_digest:info
            # nc and nonce as the client sent them; never the response hash.
            SetEnvIf Authorization "(?:^|[ ,])nc=([0-9a-fA-F]+)" AA_NC=$1
            SetEnvIf Authorization "(?:^|[ ,])nonce=\"([^\"]*)\"" AA_NONCE=$1
            LogFormat "%>s %m %U nc=%{AA_NC}e nonce=%{AA_NONCE}e chal=\"%{WWW-Authenticate}o\"" interop
            CustomLog "{{directory.Combine("logs/access.log")}}" interop
            DocumentRoot "{{directory.Combine("htdocs")}}"
            KeepAlive On
            MaxKeepAliveRequests 0
            KeepAliveTimeout 15
            Timeout 30
            StartServers 2
            ServerLimit 4
            ThreadsPerChild 64
            MaxRequestWorkers 256
            # Client table for AuthDigestNcCheck (and opaque): room for every nonce the tests ask for.
            AuthDigestShmemSize 1M

            """);
        foreach (ApacheLocation location in locations)
        {
            config.Append(CultureInfo.InvariantCulture, $"""
                <Directory "{directory.Combine("htdocs" + location.Path.TrimEnd('/'))}">
                  AuthType Digest
                  AuthName "{location.Realm}"
                  AuthDigestProvider file
                  AuthUserFile "{directory.Combine("htdigest")}"
                  AuthDigestAlgorithm MD5
                  AuthDigestQop auth
                  AuthDigestNonceLifetime {location.NonceLifetimeSeconds}
                  AuthDigestNcCheck {(location.NcCheck ? "On" : "Off")}
                  Require valid-user
                </Directory>

                """);
        }

        return config.ToString();
    }
}
