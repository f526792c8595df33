using System.Globalization;
using System.Net;
using System.Text;
using AuthActors.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Host.Server;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that asks for Digest (RFC 7616, RFC 2617, RFC 2069), Basic
/// (RFC 7617) and Bearer (RFC 6750) auth, verifying with the protocol core's own code, and issues
/// Bearer tokens with the OAuth 2.0 client credentials grant (RFC 6749 §4.4). It serves the host's
/// <c>serve</c>, <c>demo</c> and <c>bench</c> commands, in-process tests, and curl.
/// </summary>
/// <remarks>
/// Paths: <see cref="DigestServerOptions.OpenPath"/> needs no auth;
/// <see cref="DigestServerOptions.BasicPath"/> needs Basic; <see cref="DigestServerOptions.TokenPath"/>
/// is the token endpoint; <see cref="DigestServerOptions.BearerPath"/> needs a Bearer token from it
/// in realm <see cref="DigestServerOptions.BearerRealm"/>; <c>/space/N/...</c> needs Digest in
/// realm <c>space-N@{RealmName}</c>; anything else Digest in realm <c>{RealmName}</c>. In proxy
/// mode an absolute-form request needs Digest through <c>Proxy-Authorization</c> in realm
/// <c>proxy@{RealmName}</c> (Basic on the Basic path; the token endpoint and Bearer paths are
/// served to origin-form requests only). Each success is a 200 with a small body.
/// </remarks>
public sealed partial class DigestServer : IAsyncDisposable
{
    private const string SpacePrefix = "/space/";
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly DigestServerOptions _options;
    private readonly ILogger _logger;
    private readonly NonceStore _nonces;
    private readonly DigestRealm[] _spaceRealms;
    private readonly DigestRealm _defaultRealm;
    private readonly DigestRealm _proxyRealm;
    private readonly string _basicChallenge;
    private readonly Dictionary<string, byte[]> _basicPasswords;
    private readonly byte[] _body;
    private readonly string?[] _emptyBodyHashes = new string?[3];
    private readonly string _openPathExact;
    private readonly string _basicPathExact;
    private readonly string _bearerPathExact;
    private readonly string _tokenPathExact;
    private readonly TokenIssuer _tokens;
    private readonly long _tokenLifetimeSeconds;
    private readonly Dictionary<string, byte[]> _clientSecrets;
    private readonly string _tokenClientChallenge;
    private readonly string _bearerChallenge;
    private readonly string _bearerInvalidToken;
    private readonly string _bearerInvalidRequest;
    private WebApplication? _app;
    private int _stopped;

    private DigestServer(DigestServerOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Stats = new DigestServerStats();
        _nonces = new NonceStore(options.NonceLifetime, options.MaxNonces, options.TimeProvider, Stats, options.SharedNonce);

        DigestAlgorithm[] algorithms = OrderStrongestFirst(options.Algorithms);
        _spaceRealms = new DigestRealm[options.Realms];
        for (int i = 0; i < _spaceRealms.Length; i++)
        {
            _spaceRealms[i] = new DigestRealm(i, string.Create(CultureInfo.InvariantCulture, $"space-{i}@{options.RealmName}"), isProxy: false, algorithms, options);
        }

        _defaultRealm = new DigestRealm(options.Realms, options.RealmName, isProxy: false, algorithms, options);
        _proxyRealm = new DigestRealm(options.Realms + 1, "proxy@" + options.RealmName, isProxy: true, algorithms, options);
        foreach (DigestAlgorithm algorithm in algorithms)
        {
            _emptyBodyHashes[DigestRealm.HashIndex(algorithm)] ??= DigestCalculator.HashBody(algorithm, []);
        }

        // RFC 7617 §2.1: charset="UTF-8" tells the client to send user-id:password as UTF-8.
        _basicChallenge = "Basic realm=" + HeaderText.Quote("basic@" + options.RealmName) + ", charset=\"UTF-8\"";
        _basicPasswords = new Dictionary<string, byte[]>(options.Users.Count, StringComparer.Ordinal);
        foreach ((string userName, string password) in options.Users)
        {
            _basicPasswords[userName] = Encoding.UTF8.GetBytes(password);
        }

        _body = CreateBody(options.ResponseBytes);
        _openPathExact = options.OpenPath.TrimEnd('/');
        _basicPathExact = options.BasicPath.TrimEnd('/');

        // The client credentials grant and the Bearer paths (RFC 6749 §4.4, RFC 6750 §3).
        _tokens = new TokenIssuer(options.TokenLifetime, options.TimeProvider);
        _tokenLifetimeSeconds = (long)Math.Floor(options.TokenLifetime.TotalSeconds);
        _clientSecrets = new Dictionary<string, byte[]>(options.Clients.Count, StringComparer.Ordinal);
        foreach ((string clientId, string secret) in options.Clients)
        {
            _clientSecrets[clientId] = Encoding.UTF8.GetBytes(secret);
        }

        _tokenClientChallenge = "Basic realm=" + HeaderText.Quote("oauth@" + options.RealmName) + ", charset=\"UTF-8\"";
        _bearerChallenge = "Bearer realm=" + HeaderText.Quote(options.BearerRealm);
        _bearerInvalidToken = _bearerChallenge + ", error=\"invalid_token\"";
        _bearerInvalidRequest = _bearerChallenge + ", error=\"invalid_request\"";
        _bearerPathExact = options.BearerPath.TrimEnd('/');
        _tokenPathExact = options.TokenPath.TrimEnd('/');
    }

    /// <summary>Where the server listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The token endpoint's URI: <see cref="BaseAddress"/> with <see cref="DigestServerOptions.TokenPath"/>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, _options.TokenPath);

    /// <summary>Live counters; see <see cref="DigestServerStats"/>.</summary>
    public DigestServerStats Stats { get; }

    /// <summary>The settings the server runs with.</summary>
    public DigestServerOptions Options => _options;

    /// <summary>The realms of the server, as sent in challenges: the path realms, the default realm, then the proxy realm.</summary>
    public IReadOnlyList<string> RealmNames
    {
        get
        {
            var names = new List<string>(_spaceRealms.Length + 2);
            foreach (DigestRealm realm in _spaceRealms)
            {
                names.Add(realm.Name);
            }

            names.Add(_defaultRealm.Name);
            names.Add(_proxyRealm.Name);
            return names;
        }
    }

    /// <summary>
    /// Starts a server on 127.0.0.1. Requests are logged at Information through
    /// <paramref name="loggerFactory"/> (never a credential); pass none to log nothing.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range (port, lifetime, realms, sizes, no users or algorithms).</exception>
    public static async Task<DigestServer> StartAsync(DigestServerOptions options, ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DigestServer>();
        var server = new DigestServer(options, logger);
        try
        {
            await server.StartKestrelAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Makes every nonce issued so far stale at once (a test hook for RFC 7616 §3.3 stale handling).</summary>
    public void ExpireAllNonces() => _nonces.ExpireAll();

    /// <summary>
    /// Revokes every access token issued so far: the Bearer paths answer them with
    /// <c>error="invalid_token"</c> (a test hook for the client's refresh and retry, RFC 6750 §3.1).
    /// </summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    /// <summary>Stops accepting requests and lets those in flight finish (up to five seconds). Safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (_app is not null)
            {
                await _app.StopAsync().ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _nonces.Dispose();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>The nonces the server remembers now (for tests of the sweep).</summary>
    internal int RememberedNonces => _nonces.Count;

    private static void Validate(DigestServerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NonceLifetime, TimeSpan.Zero, nameof(options.NonceLifetime));
        if (options.SharedNonce is { } shared)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shared, TimeSpan.Zero, nameof(options.SharedNonce));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(options.Realms, nameof(options.Realms));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ResponseBytes, nameof(options.ResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNonces, 2, nameof(options.MaxNonces));
        ArgumentNullException.ThrowIfNull(options.Algorithms, nameof(options.Algorithms));
        ArgumentNullException.ThrowIfNull(options.Users, nameof(options.Users));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentException.ThrowIfNullOrEmpty(options.RealmName, nameof(options.RealmName));
        if (options.Algorithms.Count == 0)
        {
            throw new ArgumentException("At least one Digest algorithm must be offered.", nameof(options));
        }

        if (options.Users.Count == 0)
        {
            throw new ArgumentException("At least one user is needed.", nameof(options));
        }

        foreach (string userName in options.Users.Keys)
        {
            // RFC 7617 §2: a Basic user-id cannot contain a colon.
            if (string.IsNullOrEmpty(userName) || userName.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException("User names must be non-empty and contain no ':'.", nameof(options));
            }
        }

        if (!IsPathPrefix(options.BasicPath) || !IsPathPrefix(options.OpenPath)
            || !IsPathPrefix(options.BearerPath) || !IsPathPrefix(options.TokenPath))
        {
            throw new ArgumentException("BasicPath, OpenPath, BearerPath and TokenPath must start with '/' and name more than the root.", nameof(options));
        }

        // expires_in is whole seconds (RFC 6749 §5.1): a lifetime under one would be announced as 0.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TokenLifetime, TimeSpan.FromSeconds(1), nameof(options.TokenLifetime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TokenLifetime, TimeSpan.FromDays(365), nameof(options.TokenLifetime));
        ArgumentNullException.ThrowIfNull(options.Clients, nameof(options.Clients));
        ArgumentException.ThrowIfNullOrEmpty(options.BearerRealm, nameof(options.BearerRealm));
        foreach ((string clientId, string secret) in options.Clients)
        {
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            {
                throw new ArgumentException("Client ids and secrets must be non-empty.", nameof(options));
            }
        }

        if ((options.Qop & ~(DigestQop.Auth | DigestQop.AuthInt)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Qop, "Unknown qop value.");
        }
    }

    private static bool IsPathPrefix(string? path) => path is { Length: > 1 } && path[0] == '/' && path.TrimEnd('/').Length > 0;

    private static DigestAlgorithm[] OrderStrongestFirst(IReadOnlyList<DigestAlgorithm> algorithms)
    {
        // RFC 7616 §3.7: the server lists its preferred (strongest) challenge first. Distinct
        // values, stable for equal strength.
        var ordered = new List<DigestAlgorithm>(algorithms.Count);
        foreach (DigestAlgorithm algorithm in algorithms)
        {
            if (!ordered.Contains(algorithm))
            {
                ordered.Add(algorithm);
            }
        }

        return [.. ordered.OrderByDescending(DigestAlgorithms.Strength)];
    }

    private static byte[] CreateBody(int size)
    {
        // "ok", then dots, then a newline: readable in curl, and exactly `size` bytes.
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++)
        {
            body[i] = (byte)(i switch { 0 => 'o', 1 => 'k', _ => '.' });
        }

        if (size > 2)
        {
            body[size - 1] = (byte)'\n';
        }

        return body;
    }

    private async Task StartKestrelAsync(CancellationToken ct)
    {
        // The empty builder reads no configuration, environment (ASPNETCORE_URLS) or appsettings
        // and adds no logging providers: the server binds exactly where it is told, and only its
        // own request log reaches the caller's logger factory.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, _options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = s_shutdownTimeout);
        WebApplication app = builder.Build();
        app.Run(HandleAsync);
        _app = app;
        await app.StartAsync(ct).ConfigureAwait(false);

        ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var bound = new Uri(addresses.First());
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound.Port}/"));
    }

    private Task HandleAsync(HttpContext context)
    {
        Stats.AddRequest();
        string target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        bool absoluteForm = RequestTarget.IsAbsoluteForm(target);
        bool proxy = _options.Proxy && absoluteForm;
        string path = context.Request.Path.Value ?? "/";

        if (IsUnder(path, _options.OpenPath, _openPathExact))
        {
            Stats.AddOpenRequest();
            return WriteOkAsync(context, "open");
        }

        if (IsUnder(path, _options.BasicPath, _basicPathExact))
        {
            return HandleBasicAsync(context, proxy);
        }

        if (!proxy)
        {
            if (path.AsSpan().TrimEnd('/').SequenceEqual(_tokenPathExact))
            {
                return HandleTokenAsync(context);
            }

            if (IsUnder(path, _options.BearerPath, _bearerPathExact))
            {
                return HandleBearerAsync(context);
            }
        }

        DigestRealm realm = proxy ? _proxyRealm : SelectRealm(path);
        return HandleDigestAsync(context, realm, target);
    }

    private static bool IsUnder(string path, string prefix, string exact) =>
        path.StartsWith(prefix, StringComparison.Ordinal) || string.Equals(path, exact, StringComparison.Ordinal);

    private DigestRealm SelectRealm(string path)
    {
        // /space/N or /space/N/... with N a realm index, else the default realm.
        if (_spaceRealms.Length == 0 || !path.StartsWith(SpacePrefix, StringComparison.Ordinal))
        {
            return _defaultRealm;
        }

        ReadOnlySpan<char> rest = path.AsSpan(SpacePrefix.Length);
        int end = rest.IndexOf('/');
        ReadOnlySpan<char> digits = end < 0 ? rest : rest[..end];
        if (digits.Length is > 0 and < 10
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && index < _spaceRealms.Length)
        {
            return _spaceRealms[index];
        }

        return _defaultRealm;
    }

    private Task WriteOkAsync(HttpContext context, string outcome)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = "text/plain";
        response.Headers.ContentLength = _body.Length;
        LogRequest(context, StatusCodes.Status200OK, outcome);
        return _body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(_body, 0, _body.Length, context.RequestAborted);
    }

    private void LogRequest(HttpContext context, int status, string outcome)
    {
        // The path only: no query (it may carry tokens) and never a credential header.
        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log.Request(_logger, context.Request.Method, context.Request.Path.Value ?? "/", status, outcome);
        }
    }
}
