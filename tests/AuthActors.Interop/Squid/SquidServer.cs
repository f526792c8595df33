using System.Globalization;
using System.Text;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;

namespace AuthActors.Interop.Squid;

/// <summary>
/// Squid as a forward proxy on 127.0.0.1 with Digest (digest_file_auth, an HA1 file) or Basic
/// (basic_ncsa_auth, an htpasswd file) proxy authentication; only authenticated clients from
/// localhost may use it. Config, password files, pid file, logs and the (memory-only) cache live
/// in its own temp directory; started as root it drops to its cache_effective_user. The access
/// log records status, method, URL and the nc and nonce of Proxy-Authorization.
/// </summary>
internal sealed class SquidServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;

    private SquidServer(TempDirectory directory, ServerProcess process, SquidOptions options)
    {
        _directory = directory;
        _process = process;
        Options = options;
        // A keep-alive connection the client closes idle is logged as "0 NONE error:..." when it
        // closes, which may be during a later test: only lines with a method are requests.
        AccessLog = new AccessLog(directory.Combine("logs/interop.log"), line => !line.StartsWith("0 ", StringComparison.Ordinal) && !line.Contains(" NONE ", StringComparison.Ordinal));
    }

    public SquidOptions Options { get; }

    public Uri ProxyAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_process.Port}/"));

    public AccessLog AccessLog { get; }

    public string CacheLogPath => _directory.Combine("logs/cache.log");

    private static string? Binary => ServerBinaries.Find("squid");

    private static string? HelperDirectory => ServerBinaries.FindDirectoryWith("digest_file_auth", "/usr/lib/squid", "/usr/lib64/squid", "/usr/libexec/squid", "/usr/lib/squid3");

    /// <summary>Why Squid cannot run here, or null when it can.</summary>
    public static string? MissingReason(SquidOptions options)
    {
        if (Binary is null)
        {
            return "Squid is not installed; install squid to run the Squid interop tests";
        }

        string helper = options.Scheme == "basic" ? "basic_ncsa_auth" : "digest_file_auth";
        return HelperDirectory is { } dir && File.Exists(Path.Combine(dir, helper))
            ? null
            : $"Squid is installed but its {helper} helper was not found";
    }

    public static async Task<SquidServer> StartAsync(SquidOptions options)
    {
        var directory = new TempDirectory("squid");
        try
        {
            // Squid writes its logs after dropping to its effective user.
            directory.CreateDirectory("logs", worldWritable: true);
            string passwords = options.Scheme == "basic"
                // basic_ncsa_auth takes, besides crypt() formats, an unsalted MD5 hex of the password.
                ? directory.WriteFile("htpasswd", $"{InteropUsers.UserName}:{DigestCalculator.HashBody(DigestAlgorithm.Md5, Encoding.UTF8.GetBytes(InteropUsers.Password))}\n")
                : directory.WriteFile("digest.pw", $"{InteropUsers.UserName}:{options.Realm}:{DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, InteropUsers.UserName, options.Realm, InteropUsers.Password)}\n");
            string configPath = directory.Combine("squid.conf");
            string cacheLog = directory.Combine("logs/cache.log");
            ServerProcess process = await ServerProcess.StartAsync(
                port =>
                {
                    File.WriteAllText(configPath, CreateConfig(directory, port, options, passwords));
                    return new ServerLaunch("squid", Binary!, ["-N", "-f", configPath], directory.Path, port);
                },
                output => (output + FileProbe.ReadShared(cacheLog)).Contains("Address already in use", StringComparison.OrdinalIgnoreCase));
            return new SquidServer(directory, process, options);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    private static string CreateConfig(TempDirectory directory, int port, SquidOptions options, string passwords)
    {
        string helpers = HelperDirectory!;
        string auth = options.Scheme == "basic"
            ? $"""
                auth_param basic program {helpers}/basic_ncsa_auth {passwords}
                auth_param basic children 4 startup=1 idle=1
                auth_param basic realm {options.Realm}
                auth_param basic credentialsttl 1 minute
                """
            : $"""
                auth_param digest program {helpers}/digest_file_auth -c {passwords}
                auth_param digest children 4 startup=1 idle=1
                auth_param digest realm {options.Realm}
                auth_param digest nonce_max_count {options.NonceMaxCount}
                auth_param digest nonce_max_duration {options.NonceMaxDurationSeconds} seconds
                auth_param digest check_nonce_count {(options.CheckNonceCount ? "on" : "off")}
                auth_param digest nonce_strictness {(options.NonceStrictness ? "on" : "off")}
                """;
        string user = ServerBinaries.RunningAsRoot ? $"cache_effective_user {EffectiveUser()}\n" : "";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            http_port 127.0.0.1:{{port}}
            visible_hostname interop.test
            {{user}}pid_filename {{directory.Combine("logs/squid.pid")}}
            cache_log {{directory.Combine("logs/cache.log")}}
            # Status, method, URL, and nc/nonce of Proxy-Authorization (never the response hash).
            logformat interop %>Hs %rm %ru nc=%{Proxy-Authorization:nc}>h nonce=%{Proxy-Authorization:nonce}>h
            access_log stdio:{{directory.Combine("logs/interop.log")}} interop
            buffered_logs off
            cache deny all
            cache_mem 8 MB
            coredump_dir {{directory.Combine("logs")}}
            pinger_enable off
            shutdown_lifetime 1 seconds
            max_filedescriptors 4096
            {{auth}}
            acl authenticated proxy_auth REQUIRED
            http_access allow localhost authenticated
            http_access deny all

            """);
    }

    private static string EffectiveUser()
    {
        string[] users = File.Exists("/etc/passwd") ? [.. File.ReadLines("/etc/passwd").Select(l => l.Split(':')[0])] : [];
        return users.Contains("proxy") ? "proxy" : users.Contains("squid") ? "squid" : "nobody";
    }
}
