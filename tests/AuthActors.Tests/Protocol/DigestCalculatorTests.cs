using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;
using static AuthActors.Tests.Protocol.DigestVectors;

namespace AuthActors.Tests.Protocol;

/// <summary>The helpers of <see cref="DigestCalculator"/>: nc, cnonce, body hashing, spans, long inputs.</summary>
public sealed class DigestCalculatorTests
{
    [Theory]
    [InlineData(0u, "00000000")]
    [InlineData(1u, "00000001")]
    [InlineData(10u, "0000000a")]
    [InlineData(0xABCDEFu, "00abcdef")]
    [InlineData(uint.MaxValue, "ffffffff")]
    public void FormatNc_Value_IsEightLowerHexDigits(uint nc, string expected)
    {
        Assert.Equal(expected, DigestCalculator.FormatNc(nc));
    }

    [Fact]
    public void CreateCnonce_IsThirtyTwoLowerHexDigitsAndFresh()
    {
        string first = DigestCalculator.CreateCnonce();
        string second = DigestCalculator.CreateCnonce();

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void HashBody_Sha256_MatchesBcl()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"a\":1}");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), DigestCalculator.HashBody(DigestAlgorithm.Sha256Sess, body));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(DigestAlgorithm.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(DigestAlgorithm.Sha512_256, "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    public void HashBody_Empty_IsHashOfNothing(DigestAlgorithm algorithm, string expected)
    {
        Assert.Equal(expected, DigestCalculator.HashBody(algorithm, ReadOnlySpan<byte>.Empty));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha512_256)]
    [InlineData(DigestAlgorithm.Sha512_256Sess)]
    public async Task HashBodyAsync_LargeBodyInSmallReads_MatchesOneShotAndReadsInChunks(DigestAlgorithm algorithm)
    {
        byte[] body = new byte[(1024 * 1024) + 7];
        new Random(42).NextBytes(body);
        using var stream = new TrickleStream(body, maxPerRead: 10_000);

        string streamed = await DigestCalculator.HashBodyAsync(algorithm, stream);

        Assert.Equal(DigestCalculator.HashBody(algorithm, body), streamed);
        Assert.True(stream.LargestRequest <= 64 * 1024, $"asked for {stream.LargestRequest} bytes at once");
        Assert.True(stream.Reads > 100);
    }

    [Fact]
    public async Task HashBodyAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(new byte[100]);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await DigestCalculator.HashBodyAsync(DigestAlgorithm.Sha256, stream, cancellation.Token));
    }

    [Fact]
    public void ComputeResponse_SpanOverload_MatchesStringOverload()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha512_256);
        Span<char> destination = stackalloc char[80];

        int written = DigestCalculator.ComputeResponse(in request, destination);

        Assert.Equal(64, written);
        Assert.Equal(DigestCalculator.ComputeResponse(in request), destination[..written].ToString());
    }

    [Fact]
    public void ComputeResponse_ShortDestination_Throws()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256);

        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(in request, new char[32]));
    }

    [Fact]
    public void ComputeResponse_UpperCaseHa1_IsFoldedToLowerCase()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Md5);
        DigestRequest upper = request with { Ha1 = request.Ha1.ToUpperInvariant() };

        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", DigestCalculator.ComputeResponse(in upper));
    }

    [Fact]
    public void ComputeSessionHa1_MatchesDefinition()
    {
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, Rfc7616User, Rfc7616Realm, Rfc7616Password);
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ha1}:{Rfc7616Nonce}:{Rfc7616Cnonce}")));

        Assert.Equal(expected, DigestCalculator.ComputeSessionHa1(DigestAlgorithm.Sha256Sess, ha1, Rfc7616Nonce, Rfc7616Cnonce));
        Assert.Equal(expected, DigestCalculator.ComputeSessionHa1(DigestAlgorithm.Sha256Sess, ha1.ToUpperInvariant(), Rfc7616Nonce, Rfc7616Cnonce));
    }

    [Theory]
    [InlineData("3d78807defe7de2157e2b0b6573a855f")]
    [InlineData("not hex at all, but the right length for sha-256 hex digits.....")]
    public void ComputeSessionHa1_Ha1NotHexOfAlgorithmLength_Throws(string ha1)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeSessionHa1(DigestAlgorithm.Sha256Sess, ha1, "n", "c"));

        Assert.Contains("64 hex digits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ha1, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeHa1_SessAlgorithm_GivesBaseHa1()
    {
        Assert.Equal(
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "u", "r", "p"),
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256Sess, "u", "r", "p"));
    }

    [Fact]
    public void ComputeHa1_LongNonAsciiPassword_UsesUtf8BeyondTheStackBuffer()
    {
        string password = string.Concat(Enumerable.Repeat("\u00e9\u20ac\U0001F600", 400));
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"u:r:{password}")));

        Assert.Equal(expected, DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "u", "r", password));
    }

    [Fact]
    public void ComputeHa2_AuthInt_AppendsBodyHash()
    {
        string bodyHash = DigestCalculator.HashBody(DigestAlgorithm.Sha256, ReadOnlySpan<byte>.Empty);
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"GET:/dir/index.html:{bodyHash}")));

        Assert.Equal(expected, DigestCalculator.ComputeHa2(DigestAlgorithm.Sha256, "GET", "/dir/index.html", bodyHash));
    }

    [Fact]
    public void VerifyRspAuth_WrongLengthOrValue_IsFalse()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256);
        string rspauth = DigestCalculator.ComputeRspAuth(in request);

        Assert.True(DigestCalculator.VerifyRspAuth(in request, rspauth));
        Assert.False(DigestCalculator.VerifyRspAuth(in request, rspauth[..^1]));
        Assert.False(DigestCalculator.VerifyRspAuth(in request, ""));
        Assert.False(DigestCalculator.VerifyRspAuth(in request, DigestCalculator.ComputeResponse(in request)));
    }

    /// <summary>Serves a buffer a few bytes at a time and records the largest read asked for.</summary>
    private sealed class TrickleStream(byte[] data, int maxPerRead) : Stream
    {
        private int _position;

        public int LargestRequest { get; private set; }

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            LargestRequest = Math.Max(LargestRequest, buffer.Length);
            int take = Math.Min(Math.Min(buffer.Length, maxPerRead), data.Length - _position);
            data.AsSpan(_position, take).CopyTo(buffer);
            _position += take;
            return take;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
