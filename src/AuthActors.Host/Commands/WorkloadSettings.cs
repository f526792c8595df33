using System.Globalization;
using System.Security.Cryptography;
using AuthActors.Host.Server;
using AuthActors.Protocol;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Host.Commands;

/// <summary>
/// The demo and bench workload: how many GETs, how many at once, Digest over how many protection
/// spaces of the embedded server with which algorithm and nonce lifetime, or Bearer with which
/// token lifetime.
/// </summary>
internal sealed record WorkloadSettings
{
    /// <summary>The user the embedded server knows; the password is random per run and never printed.</summary>
    public const string UserName = "demo";

    /// <summary>What runs with no arguments: 20,000 requests, 64 at once, 16 spaces, SHA-256, nonces good for 500 ms.</summary>
    public static WorkloadSettings Default { get; } = new();

    /// <summary>The default value is 20,000.</summary>
    public int Requests { get; init; } = 20_000;

    /// <summary>The default value is 64.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Protection spaces (server realms on <c>/space/N/</c>). The default value is 16.</summary>
    public int Spaces { get; init; } = 16;

    /// <summary>Algorithms the server offers (the client picks the strongest). The default value is SHA-256.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256];

    /// <summary>Short, so that stale nonces happen even in a run of a second or two. The default value is 500 ms.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Digest (the default value) or Bearer.</summary>
    public WorkloadScheme Scheme { get; init; } = WorkloadScheme.Digest;

    /// <summary>
    /// How long the server's Bearer tokens are good for. Short, so that refreshes ahead of expiry
    /// happen even in a run of a second or two (the client refreshes at half the lifetime of a
    /// token this short). The default value is 1 second, the shortest <c>expires_in</c> can say.
    /// </summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where <c>--json</c> writes the figures; null for none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>The i-th request's path: spread round-robin over the spaces (Digest), or on the Bearer path.</summary>
    public Uri Url(Uri baseAddress, int index) => Scheme == WorkloadScheme.Bearer
        ? new(baseAddress, string.Create(CultureInfo.InvariantCulture, $"/bearer/item/{index}"))
        : new(baseAddress, string.Create(CultureInfo.InvariantCulture, $"/space/{index % Spaces}/item/{index}"));

    /// <summary>The same request on the open path (bench's "none" client).</summary>
    public static Uri OpenUrl(Uri baseAddress, int index) =>
        new(baseAddress, string.Create(CultureInfo.InvariantCulture, $"/open/item/{index}"));

    /// <summary>One line for the banner: the workload and the server.</summary>
    public string Describe(Uri server) => Scheme == WorkloadScheme.Bearer
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"{Requests} requests, {Concurrency} concurrent, Bearer realm api on /bearer/ (one protection space), tokens from the client credentials grant at /oauth/token good for {DurationParser.Format(TokenLifetime)}, server {server}")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{Requests} requests, {Concurrency} concurrent, {Spaces} protection spaces, {string.Join(", ", Algorithms.Select(DigestAlgorithms.ToToken))} qop=auth, nonce lifetime {DurationParser.Format(NonceLifetime)}, server {server}");

    /// <summary>
    /// The Bearer scheme for a client of this workload's server: tokens from its endpoint with
    /// the credential of <see cref="UserName"/> as client id and secret. Plain http is allowed: the
    /// server is on 127.0.0.1. Token requests bypass any system proxy, as the workload does.
    /// </summary>
    public static BearerScheme CreateBearerScheme(DigestServer server) => new(new BearerSchemeOptions
    {
        TokenEndpoint = server.TokenEndpoint,
        AllowHttp = true,
        TokenClientFactory = () => new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }, disposeHandler: true),
    });

    /// <summary>
    /// Starts the embedded server for this workload on 127.0.0.1, a free port, one user and one
    /// OAuth client, both <see cref="UserName"/> with the same random password.
    /// </summary>
    public Task<DigestServer> StartServerAsync(string password, CancellationToken cancellationToken) =>
        DigestServer.StartAsync(
            new DigestServerOptions
            {
                Port = 0,
                Algorithms = Algorithms,
                Qop = DigestQop.Auth,
                NonceLifetime = NonceLifetime,
                Realms = Spaces,
                Users = new Dictionary<string, string>(StringComparer.Ordinal) { [UserName] = password },
                Clients = new Dictionary<string, string>(StringComparer.Ordinal) { [UserName] = password },
                TokenLifetime = TokenLifetime,
            },
            loggerFactory: null,
            cancellationToken);

    /// <summary>A fresh random password for one run.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
