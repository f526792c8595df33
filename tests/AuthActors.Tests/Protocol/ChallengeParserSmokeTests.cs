using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>First checks of the parser on the RFC examples; the tables live in ChallengeParserTests.</summary>
public sealed class ChallengeParserSmokeTests
{
    [Fact]
    public void Parse_Rfc7235Section41Example_GivesBothChallenges()
    {
        ChallengeParseResult result = ChallengeParser.Parse("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"");

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(2, result.Challenges.Count);
        Assert.Equal("Newauth", result.Challenges[0].Scheme);
        Assert.Equal("Login to \"apps\"", result.Challenges[0].GetParameter("title"));
        Assert.Equal("1", result.Challenges[0].GetParameter("TYPE"));
        Assert.Equal("simple", result.Challenges[1].GetParameter("realm"));
    }

    [Fact]
    public void Parse_Rfc7616Section391Challenge_ReadsAsDigest()
    {
        ChallengeParseResult result = ChallengeParser.Parse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        Assert.True(result.IsSuccess, result.Error);
        Assert.True(DigestChallenge.TryCreate(result.Challenges[0], out DigestChallenge? digest, out string? error), error);
        Assert.Equal(DigestAlgorithm.Sha256, digest.Algorithm);
        Assert.Equal(DigestQop.Auth | DigestQop.AuthInt, digest.QopOptions);
        Assert.Equal(DigestQop.Auth, digest.PreferredQop());
    }

    [Fact]
    public void Parse_DuplicateParameter_ReportsIt()
    {
        ChallengeParseResult result = ChallengeParser.Parse("Digest realm=\"a\", nonce=\"x\", NONCE=\"y\", Basic realm=\"b\"");

        Assert.False(result.IsSuccess);
        Assert.Contains("'NONCE' occurs more than once", result.Error, StringComparison.Ordinal);
        Assert.Contains("challenge #1 (Digest)", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Challenges);
        Assert.Equal("Basic", result.Challenges[0].Scheme);
    }
}
