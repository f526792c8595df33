using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;
using Xunit.Abstractions;

namespace AuthActors.Interop.Curl;

/// <summary>
/// curl as the reference client for the server side: every algorithm and qop the embedded server
/// (and <c>authactors serve</c>) offers that curl implements works with curl, with the parameters
/// curl really sent checked from its <c>-v</c> trace.
/// </summary>
public sealed class CurlServeTests(ITestOutputHelper output)
{
    /// <summary>curl 8.8 added SHA-512/256 Digest; older curl answers a SHA-512-256 challenge with a SHA-256 hash.</summary>
    private static readonly Version s_curlWithSha512_256 = new(8, 8);

    public static TheoryData<string, string, bool> Supported
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (string algorithm in new[] { "MD5", "MD5-sess", "SHA-256", "SHA-256-sess" })
            {
                foreach (string qop in new[] { "auth", "auth-int", "none" })
                {
                    if (qop == "none" && algorithm.EndsWith("-sess", StringComparison.Ordinal))
                    {
                        continue; // see Curl_SessionAlgorithmWithoutQop_SendsNoCredentials
                    }

                    data.Add(algorithm, qop, false);
                    data.Add(algorithm, qop, true);
                }
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Supported))]
    public async Task Curl_AgainstEmbeddedServer_Returns200WithTheOfferedParameters(string algorithm, string qop, bool userHash)
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        await using DigestServer server = await StartAsync(algorithm, qop, userHash);

        CurlResult curl = await GetAsync(new Uri(server.BaseAddress, "/resource?q=1"));

        Assert.True(curl.Exit == 0, curl.Error);
        Assert.Equal("200", curl.Output);
        IReadOnlyDictionary<string, string> sent = curl.SentAuthorization;
        Assert.Equal(algorithm, sent["algorithm"], ignoreCase: true);
        Assert.Equal(qop == "none" ? null : qop, sent.GetValueOrDefault("qop"));
        Assert.Equal(userHash, sent.GetValueOrDefault("userhash") == "true");
        Assert.Equal(userHash, sent["username"] != InteropUsers.UserName);
        Assert.Equal(1, server.Stats.Succeeded);
        InteropReport.Note(output, $"curl {CurlClient.Version} vs embedded server: {algorithm} qop={qop} userhash={userHash}: 200");
    }

    [SkippableTheory]
    [InlineData("SHA-512-256", "auth")]
    [InlineData("SHA-512-256-sess", "auth-int")]
    public async Task Curl88_Sha512_256_Returns200(string algorithm, string qop)
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        Skip.If(CurlClient.Version < s_curlWithSha512_256, $"curl {CurlClient.Version} has no SHA-512/256 Digest (added in 8.8); see Curl_BeforeCurl88_Sha512_256_IsAnsweredWithSha256");
        await using DigestServer server = await StartAsync(algorithm, qop, userHash: false);

        CurlResult curl = await GetAsync(new Uri(server.BaseAddress, "/x"));

        Assert.Equal("200", curl.Output);
    }

    [SkippableFact]
    public async Task Curl_BeforeCurl88_Sha512_256_IsAnsweredWithSha256()
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        Skip.IfNot(CurlClient.Version < s_curlWithSha512_256, $"curl {CurlClient.Version} implements SHA-512/256");
        await using DigestServer server = await StartAsync("SHA-512-256", "auth", userHash: false);

        CurlResult curl = await GetAsync(new Uri(server.BaseAddress, "/x"));

        // curl before 8.8 names SHA-512-256 but hashes with SHA-256: recomputing its response with
        // SHA-256 reproduces it exactly, so the 401 is curl's, not the server's.
        IReadOnlyDictionary<string, string> sent = curl.SentAuthorization;
        var asSha256 = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Sha256,
            UserName = sent["username"],
            Realm = sent["realm"],
            Nonce = sent["nonce"],
            Ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, InteropUsers.UserName, sent["realm"], InteropUsers.Password),
            Method = "GET",
            DigestUri = sent["uri"],
            Qop = DigestQop.Auth,
            Nc = uint.Parse(sent["nc"], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            Cnonce = sent["cnonce"],
        };
        Assert.Equal("401", curl.Output);
        Assert.Equal("SHA-512-256", sent["algorithm"]);
        Assert.Equal(DigestCalculator.ComputeResponse(asSha256), curl.SentResponse);
        Assert.True(server.Stats.BadCredentials >= 1);
    }

    [SkippableTheory]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256-sess")]
    public async Task Curl_SessionAlgorithmWithoutQop_SendsNoCredentials(string algorithm)
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        await using DigestServer server = await StartAsync(algorithm, "none", userHash: false);

        CurlResult curl = await GetAsync(new Uri(server.BaseAddress, "/x"));

        // An RFC 2069 challenge (no qop) with a -sess algorithm: the session HA1 needs a cnonce, which
        // may only be sent with qop (RFC 7616 §3.4). curl declines to answer; so does any careful client.
        Assert.Equal("401", curl.Output);
        Assert.Equal(0, curl.AuthorizationsSent);
        Assert.Equal(0, server.Stats.BadCredentials);
    }

    [SkippableTheory]
    [InlineData("MD5", "auth", false)]
    [InlineData("SHA-256", "auth-int", false)]
    [InlineData("SHA-256-sess", "auth", true)]
    [InlineData("SHA-256", "none", false)]
    public async Task Curl_AgainstAuthActorsServeCommand_Returns200(string algorithm, string qop, bool userHash)
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        string[] args = ["--algorithm", algorithm, "--qop", qop, .. userHash ? new[] { "--userhash" } : []];
        await using ServerProcess serve = await ServeProcess.StartAsync(args);

        CurlResult curl = await GetAsync(new Uri($"http://127.0.0.1:{serve.Port}/files/a.txt"));

        Assert.True(curl.Exit == 0, curl.Error);
        Assert.Equal("200", curl.Output);
        Assert.Equal(algorithm, curl.SentAuthorization["algorithm"], ignoreCase: true);
    }

    [SkippableFact]
    public async Task Curl_ProxyDigestSha256AgainstEmbeddedServer_Returns200()
    {
        InteropEnvironment.Require(CurlClient.MissingReason);
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Algorithms = [DigestAlgorithm.Sha256],
            Proxy = true,
            Users = new Dictionary<string, string> { [InteropUsers.UserName] = InteropUsers.Password },
        });

        CurlResult curl = await CurlClient.RunAsync(
            "-s", "-S", "-v", "--proxy", server.BaseAddress.ToString(), "--proxy-digest", "--proxy-user", $"{InteropUsers.UserName}:{InteropUsers.Password}",
            "--write-out", "%{http_code}", "--output", "/dev/null", "http://origin.invalid/page");

        Assert.True(curl.Exit == 0, curl.Error);
        Assert.Equal("200", curl.Output);
        Assert.Equal("SHA-256", curl.SentAuthorization["algorithm"]);
    }

    private static Task<DigestServer> StartAsync(string algorithm, string qop, bool userHash)
    {
        Assert.True(DigestAlgorithms.TryParse(algorithm, out DigestAlgorithm parsed));
        return DigestServer.StartAsync(new DigestServerOptions
        {
            Algorithms = [parsed],
            Qop = qop switch { "auth" => DigestQop.Auth, "auth-int" => DigestQop.AuthInt, _ => DigestQop.None },
            UserHash = userHash,
            Users = new Dictionary<string, string> { [InteropUsers.UserName] = InteropUsers.Password },
        });
    }

    private static Task<CurlResult> GetAsync(Uri url) => CurlClient.RunAsync(
        "-s", "-S", "-v", "--digest", "-u", $"{InteropUsers.UserName}:{InteropUsers.Password}",
        "--write-out", "%{http_code}", "--output", "/dev/null", url.ToString());
}
