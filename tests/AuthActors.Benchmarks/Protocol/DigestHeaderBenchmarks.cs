using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;
using BenchmarkDotNet.Attributes;

namespace AuthActors.Benchmarks.Protocol;

/// <summary>
/// The per-request hot path: parsing a challenge, writing one Authorization header, and the
/// server side's parse-and-verify. Inputs are the RFC 7616 §3.9.1 example.
/// </summary>
[MemoryDiagnoser]
public class DigestHeaderBenchmarks
{
    private const string Challenge =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private readonly string _challenge = Challenge;
    private DigestRequest _sha256;
    private DigestRequest _md5;
    private DigestRequest _sha512_256;
    private string _sha256Header = string.Empty;
    private string _sha256Ha1 = string.Empty;
    private readonly byte[] _a2Input = Encoding.UTF8.GetBytes("GET:/dir/index.html");
    private byte[] _kdInput = [];

    [GlobalSetup]
    public void Setup()
    {
        _sha256 = Request(DigestAlgorithm.Sha256);
        _md5 = Request(DigestAlgorithm.Md5);
        _sha512_256 = Request(DigestAlgorithm.Sha512_256);
        _sha256Header = DigestAuthorizationWriter.Write(in _sha256);
        _sha256Ha1 = _sha256.Ha1;
        _kdInput = Encoding.UTF8.GetBytes($"{_sha256Ha1}:{_sha256.Nonce}:00000001:{_sha256.Cnonce}:auth:{new string('0', 64)}");
    }

    [Benchmark]
    public object ParseDigestChallenge() => ChallengeParser.Parse(_challenge);

    [Benchmark]
    public object? ParseAndReadDigestChallenge()
    {
        ChallengeParseResult result = ChallengeParser.Parse(_challenge);
        return DigestChallenge.TryCreate(result.Challenges[0], out DigestChallenge? digest, out _) ? digest : null;
    }

    [Benchmark]
    public string WriteSha256Header() => DigestAuthorizationWriter.Write(in _sha256);

    [Benchmark]
    public string WriteMd5Header() => DigestAuthorizationWriter.Write(in _md5);

    [Benchmark]
    public string WriteSha512_256Header() => DigestAuthorizationWriter.Write(in _sha512_256);

    /// <summary>The floor under a SHA-256 header: the two one-shot hashes it needs (HA2, then KD), same input sizes.</summary>
    [Benchmark]
    public int Sha256TwoHashCallsFloor()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_a2Input, hash);
        return SHA256.HashData(_kdInput, hash);
    }

    [Benchmark]
    public bool ServerParseAndVerifySha256()
    {
        return DigestCredentials.TryParse(_sha256Header, out DigestCredentials? credentials, out _)
            && DigestVerifier.Verify(credentials, "GET", _sha256Ha1);
    }

    private static DigestRequest Request(DigestAlgorithm algorithm) => new()
    {
        Algorithm = algorithm,
        AlgorithmToken = DigestAlgorithms.ToToken(algorithm),
        UserName = "Mufasa",
        Realm = "http-auth@example.org",
        Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        Ha1 = DigestCalculator.ComputeHa1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life"),
        Method = "GET",
        DigestUri = "/dir/index.html",
        Qop = DigestQop.Auth,
        Nc = 1,
        Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
        Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
    };
}
