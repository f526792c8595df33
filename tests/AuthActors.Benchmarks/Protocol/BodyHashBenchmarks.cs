using AuthActors.Protocol;
using BenchmarkDotNet.Attributes;

namespace AuthActors.Benchmarks.Protocol;

/// <summary>auth-int: H(entity-body) over 1 MiB, from a span and streamed in pooled chunks.</summary>
[MemoryDiagnoser]
public class BodyHashBenchmarks
{
    private byte[] _body = [];

    [Params(DigestAlgorithm.Md5, DigestAlgorithm.Sha256, DigestAlgorithm.Sha512_256)]
    public DigestAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = new byte[1024 * 1024];
        new Random(42).NextBytes(_body);
    }

    [Benchmark]
    public string HashBody1MiB() => DigestCalculator.HashBody(Algorithm, _body);

    [Benchmark]
    public async Task<string> HashBodyAsync1MiB()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return await DigestCalculator.HashBodyAsync(Algorithm, stream).ConfigureAwait(false);
    }
}
