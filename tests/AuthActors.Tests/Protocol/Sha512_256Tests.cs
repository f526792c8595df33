using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>FIPS 180-4 §5.3.6.2 SHA-512/256; vectors from NIST's example files (VECTORS.md §2).</summary>
public sealed class Sha512_256Tests
{
    private const string TwoBlockMessage = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

    [Theory]
    [InlineData("abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")]
    [InlineData(TwoBlockMessage, "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a")]
    [InlineData("", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    public void HashData_FipsVector_MatchesNist(string message, string expectedHex)
    {
        byte[] hash = Sha512_256.HashData(Encoding.ASCII.GetBytes(message));

        Assert.Equal(expectedHex, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_Abc_IsNotTruncatedSha512()
    {
        byte[] input = Encoding.ASCII.GetBytes("abc");

        byte[] ours = Sha512_256.HashData(input);
        byte[] truncated = SHA512.HashData(input).AsSpan(0, 32).ToArray();

        Assert.NotEqual(Convert.ToHexStringLower(truncated), Convert.ToHexStringLower(ours));
    }

    [Fact]
    public void AppendData_MillionAInOddChunks_MatchesOneShot()
    {
        byte[] million = new byte[1_000_000];
        million.AsSpan().Fill((byte)'a');
        var hasher = new Sha512_256();

        int offset = 0;
        int chunk = 1;
        while (offset < million.Length)
        {
            int take = Math.Min(chunk, million.Length - offset);
            hasher.AppendData(million.AsSpan(offset, take));
            offset += take;
            chunk = (chunk * 7 % 1000) + 1;
        }

        Assert.Equal(Convert.ToHexStringLower(Sha512_256.HashData(million)), Convert.ToHexStringLower(hasher.GetHashAndReset()));
    }

    [Fact]
    public void HashData_MillionA_MatchesKnownDigest()
    {
        // NIST SHA-512/256 "one million 'a'" result (also computed with Python hashlib 'sha512_256').
        byte[] million = new byte[1_000_000];
        million.AsSpan().Fill((byte)'a');

        Assert.Equal("9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21", Convert.ToHexStringLower(Sha512_256.HashData(million)));
    }

    [Theory]
    [InlineData(1, "455e518824bc0601f9fb858ff5c37d417d67c2f8e0df2babe4808858aea830f8")]
    [InlineData(111, "0239e429f98d0ed61ee8e2a7c30afe98c1c3a80ce5dff62a107e9c538f7632ce")]
    [InlineData(112, "9216b5303edb66504570bee90e48ea5beaa5e9fe9f760bbd3e0460559fc005f6")]
    [InlineData(113, "d0ac79bea5bc97ac80c77c7cbbe92811ba9997eb0ce3c9888f9cef8362d187cd")]
    [InlineData(127, "2fe3b2a6ee7e12f6fe4ba82166541ad9b4ed882c493581cbe300d68f3757b778")]
    [InlineData(128, "b88f97e274f9c1d49f181c8cbd01a9c74930ad055a46ac4499a1d601f1c80bf2")]
    [InlineData(129, "fb9035c9009ed4a60e37510339ebdb1c771339f30aa581d5dea3690a524c23f1")]
    [InlineData(239, "78d0a1b37aaad84c89fff13cbe3cd3d1025bcdb648268f9102b7e7032bea7d2a")]
    [InlineData(240, "d48a4d53397b38ab4e771d781c98ac6b86712dff2a664cfd1f27c7ca40f8ce37")]
    [InlineData(256, "d43f85191c3058fd3b2383077f8e1aa800aae7fdf6eb829440fa45f189562c07")]
    public void HashData_PaddingBoundaryLengths_MatchPythonHashlib(int length, string expectedHex)
    {
        // Lengths around the 112-byte padding limit and the 128-byte block (FIPS 180-4 §5.1.2).
        byte[] input = new byte[length];
        input.AsSpan().Fill((byte)'a');

        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha512_256.HashData(input)));
    }

    [Fact]
    public void AppendData_EverySplitOfTwoBlocks_MatchesOneShot()
    {
        byte[] input = new byte[300];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 31);
        }

        string expected = Convert.ToHexStringLower(Sha512_256.HashData(input));
        var hasher = new Sha512_256();
        for (int split = 0; split <= input.Length; split++)
        {
            hasher.AppendData(input.AsSpan(0, split));
            hasher.AppendData(input.AsSpan(split));

            Assert.Equal(expected, Convert.ToHexStringLower(hasher.GetHashAndReset()));
        }
    }

    [Fact]
    public void GetHashAndReset_ThenReuse_StartsFresh()
    {
        var hasher = new Sha512_256();
        hasher.AppendData("garbage"u8);
        _ = hasher.GetHashAndReset();

        hasher.AppendData("abc"u8);

        Assert.Equal("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23", Convert.ToHexStringLower(hasher.GetHashAndReset()));
    }

    [Fact]
    public void Reset_DiscardsAppendedData()
    {
        var hasher = new Sha512_256();
        hasher.AppendData("garbage"u8);

        hasher.Reset();
        hasher.AppendData(Array.Empty<byte>());

        Assert.Equal("c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a", Convert.ToHexStringLower(hasher.GetHashAndReset()));
    }

    [Fact]
    public void HashData_ShortDestination_Throws()
    {
        byte[] destination = new byte[31];

        Assert.Throws<ArgumentException>(() => Sha512_256.HashData("abc"u8, destination));
    }

    [Fact]
    public void HashData_SpanOverload_WritesThirtyTwoBytes()
    {
        Span<byte> destination = stackalloc byte[40];

        int written = Sha512_256.HashData("abc"u8, destination);

        Assert.Equal(32, written);
        Assert.Equal("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23", Convert.ToHexStringLower(destination[..32]));
    }
}
