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
}
