using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Reading RFC 7616 §3.3 challenges, strictly where it matters and leniently where servers vary.</summary>
public sealed class DigestChallengeTests
{
    [Fact]
    public void TryCreate_Rfc7616Challenge_ReadsEveryDirective()
    {
        DigestChallenge digest = Create(
            "Digest realm=\"api@example.org\", qop=\"auth\", algorithm=SHA-512-256, nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\", charset=UTF-8, userhash=true");

        Assert.Equal("api@example.org", digest.Realm);
        Assert.Equal("5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", digest.Nonce);
        Assert.Equal("HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", digest.Opaque);
        Assert.Equal(DigestAlgorithm.Sha512_256, digest.Algorithm);
        Assert.Equal("SHA-512-256", digest.AlgorithmToken);
        Assert.Equal(DigestQop.Auth, digest.QopOptions);
        Assert.True(digest.Utf8);
        Assert.True(digest.UserHash);
        Assert.False(digest.Stale);
        Assert.Empty(digest.Domain);
    }

    [Fact]
    public void TryCreate_NoAlgorithm_IsMd5WithNullToken()
    {
        DigestChallenge digest = Create("Digest realm=\"r\", nonce=\"n\"");

        Assert.Equal(DigestAlgorithm.Md5, digest.Algorithm);
        Assert.Null(digest.AlgorithmToken);
        Assert.Equal(DigestQop.None, digest.QopOptions);
        Assert.Equal(DigestQop.None, digest.PreferredQop());
    }

    [Theory]
    [InlineData("stale=true", true)]
    [InlineData("stale=TRUE", true)]
    [InlineData("stale=\"true\"", true)]
    [InlineData("stale=True", true)]
    [InlineData("stale=false", false)]
    [InlineData("stale=FALSE", false)]
    [InlineData("stale=yes", false)]
    public void TryCreate_StaleVariants_ReadCaseInsensitively(string directive, bool expected)
    {
        Assert.Equal(expected, Create($"Digest realm=\"r\", nonce=\"n\", {directive}").Stale);
    }

    [Theory]
    [InlineData("algorithm=MD5", DigestAlgorithm.Md5, "MD5")]
    [InlineData("algorithm=\"MD5\"", DigestAlgorithm.Md5, "MD5")]
    [InlineData("algorithm=md5", DigestAlgorithm.Md5, "md5")]
    [InlineData("algorithm=MD5-sess", DigestAlgorithm.Md5Sess, "MD5-sess")]
    [InlineData("algorithm=SHA-256", DigestAlgorithm.Sha256, "SHA-256")]
    [InlineData("algorithm=\"sha-256-SESS\"", DigestAlgorithm.Sha256Sess, "sha-256-SESS")]
    [InlineData("algorithm=SHA-512-256", DigestAlgorithm.Sha512_256, "SHA-512-256")]
    [InlineData("algorithm=SHA-512-256-sess", DigestAlgorithm.Sha512_256Sess, "SHA-512-256-sess")]
    public void TryCreate_AlgorithmSpellings_KeepTheTokenAsSent(string directive, DigestAlgorithm expected, string expectedToken)
    {
        DigestChallenge digest = Create($"Digest realm=\"r\", nonce=\"n\", {directive}");

        Assert.Equal(expected, digest.Algorithm);
        Assert.Equal(expectedToken, digest.AlgorithmToken);
    }

    [Theory]
    [InlineData("qop=\"auth\"", DigestQop.Auth)]
    [InlineData("qop=auth", DigestQop.Auth)]
    [InlineData("qop=\"auth-int\"", DigestQop.AuthInt)]
    [InlineData("qop=\"auth,auth-int\"", DigestQop.Auth | DigestQop.AuthInt)]
    [InlineData("qop=\"auth, auth-int\"", DigestQop.Auth | DigestQop.AuthInt)]
    [InlineData("qop=\" auth-int ,auth \"", DigestQop.Auth | DigestQop.AuthInt)]
    [InlineData("qop=\"AUTH\"", DigestQop.Auth)]
    [InlineData("qop=\"auth,,auth-conf\"", DigestQop.Auth)]
    [InlineData("qop=\"\"", DigestQop.None)]
    public void TryCreate_QopLists_AreSplitLeniently(string directive, DigestQop expected)
    {
        Assert.Equal(expected, Create($"Digest realm=\"r\", nonce=\"n\", {directive}").QopOptions);
    }

    [Theory]
    [InlineData("qop=\"auth,auth-int\"", DigestQop.Auth)]
    [InlineData("qop=\"auth-int,auth\"", DigestQop.Auth)]
    [InlineData("qop=\"auth-int\"", DigestQop.AuthInt)]
    [InlineData("qop=\"auth\"", DigestQop.Auth)]
    public void PreferredQop_Options_PrefersAuth(string directive, DigestQop expected)
    {
        DigestChallenge digest = Create($"Digest realm=\"r\", nonce=\"n\", {directive}");

        Assert.Equal(expected, digest.PreferredQop());
        Assert.Equal(expected, digest.PreferredQop(haveBody: true));
    }

    [Fact]
    public void TryCreate_LowerCaseScheme_IsDigest()
    {
        Assert.Equal("r", Create("digest realm=\"r\", nonce=\"n\"").Realm);
    }

    [Theory]
    [InlineData("charset=UTF-8", true)]
    [InlineData("charset=\"utf-8\"", true)]
    [InlineData("charset=ISO-8859-1", false)]
    public void TryCreate_Charset_SetsUtf8OnlyForUtf8(string directive, bool expected)
    {
        Assert.Equal(expected, Create($"Digest realm=\"r\", nonce=\"n\", {directive}").Utf8);
    }

    [Fact]
    public void TryCreate_Domain_IsSplitOnSpaces()
    {
        DigestChallenge digest = Create("Digest realm=\"r\", nonce=\"n\", domain=\"/private/  http://mirror.example/p2/\"");

        Assert.Equal(["/private/", "http://mirror.example/p2/"], digest.Domain);
    }

    [Theory]
    [InlineData("Digest nonce=\"n\"", "no realm")]
    [InlineData("Digest realm=\"r\"", "no nonce")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", "algorithm 'SHA-1' is not supported")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512", "algorithm 'SHA-512' is not supported")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"", "offers neither auth nor auth-int")]
    [InlineData("Digest abc==", "token68")]
    [InlineData("Basic realm=\"r\"", "scheme 'Basic' is not Digest")]
    public void TryCreate_Unusable_ExplainsWhy(string header, string reason)
    {
        AuthChallenge challenge = ChallengeParser.Parse(header).Challenges[0];

        Assert.False(DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out string? error));
        Assert.Null(digest);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_IsTheParsedChallenge()
    {
        AuthChallenge challenge = ChallengeParser.Parse("Digest realm=\"r\", nonce=\"n\"").Challenges[0];

        Assert.True(DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out _));
        Assert.Same(challenge, digest.Source);
    }

    [Fact]
    public void ToString_OmitsNonceAndOpaque()
    {
        string text = Create("Digest realm=\"r\", nonce=\"secret-nonce\", opaque=\"secret-opaque\", algorithm=SHA-256").ToString();

        Assert.Contains("realm=\"r\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    private static DigestChallenge Create(string header)
    {
        ChallengeParseResult result = ChallengeParser.Parse(header);
        Assert.True(result.IsSuccess, result.Error);
        Assert.True(DigestChallenge.TryCreate(result.Challenges[0], out DigestChallenge? digest, out string? error), error);
        return digest;
    }
}
