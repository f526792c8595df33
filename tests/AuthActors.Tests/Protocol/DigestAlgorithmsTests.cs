using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Tokens, sizes and ranks of the RFC 7616 §3.3 algorithms.</summary>
public sealed class DigestAlgorithmsTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5, "MD5", false, 16)]
    [InlineData(DigestAlgorithm.Md5Sess, "MD5-sess", true, 16)]
    [InlineData(DigestAlgorithm.Sha256, "SHA-256", false, 32)]
    [InlineData(DigestAlgorithm.Sha256Sess, "SHA-256-sess", true, 32)]
    [InlineData(DigestAlgorithm.Sha512_256, "SHA-512-256", false, 32)]
    [InlineData(DigestAlgorithm.Sha512_256Sess, "SHA-512-256-sess", true, 32)]
    public void Algorithm_TokenSessionAndSize_AreRfcValues(DigestAlgorithm algorithm, string token, bool session, int size)
    {
        Assert.Equal(token, DigestAlgorithms.ToToken(algorithm));
        Assert.True(DigestAlgorithms.TryParse(token.ToUpperInvariant(), out DigestAlgorithm parsed));
        Assert.Equal(algorithm, parsed);
        Assert.Equal(session, DigestAlgorithms.IsSession(algorithm));
        Assert.Equal(size, DigestAlgorithms.HashSizeInBytes(algorithm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SHA-1")]
    [InlineData("SHA-512")]
    [InlineData("SHA-512/256")]
    [InlineData(" MD5")]
    [InlineData("MD5-sess-sess")]
    public void TryParse_Unknown_ReturnsFalse(string? token)
    {
        Assert.False(DigestAlgorithms.TryParse(token, out _));
    }

    [Fact]
    public void Strength_OrdersSha512256OverSha256OverMd5_SessJustBelowBase()
    {
        DigestAlgorithm[] ascending =
        [
            DigestAlgorithm.Md5Sess, DigestAlgorithm.Md5, DigestAlgorithm.Sha256Sess,
            DigestAlgorithm.Sha256, DigestAlgorithm.Sha512_256Sess, DigestAlgorithm.Sha512_256,
        ];

        for (int i = 1; i < ascending.Length; i++)
        {
            Assert.True(DigestAlgorithms.Strength(ascending[i - 1]) < DigestAlgorithms.Strength(ascending[i]), $"{ascending[i - 1]} < {ascending[i]}");
        }
    }

    [Fact]
    public void ToToken_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestAlgorithms.ToToken((DigestAlgorithm)99));
    }
}
