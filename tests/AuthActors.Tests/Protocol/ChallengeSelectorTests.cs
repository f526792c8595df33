using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Choosing the strongest acceptable challenge across all fields (DESIGN.md security rules).</summary>
public sealed class ChallengeSelectorTests
{
    private const string Md5 = "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", algorithm=MD5";
    private const string Md5Sess = "Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", algorithm=MD5-sess";
    private const string Sha256 = "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", algorithm=SHA-256";
    private const string Sha256Sess = "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", algorithm=SHA-256-sess";
    private const string Sha512 = "Digest realm=\"r\", nonce=\"n3\", qop=\"auth\", algorithm=SHA-512-256";
    private const string Basic = "Basic realm=\"r\"";

    [Fact]
    public void Select_StrongestAcrossFields_Wins()
    {
        ChallengeSelection selection = Select([Basic, Md5, "Negotiate", Sha512 + ", " + Sha256], ChallengePolicy.Default, secure: true);

        Assert.NotNull(selection.Digest);
        Assert.Equal(DigestAlgorithm.Sha512_256, selection.Digest.Algorithm);
        Assert.Same(selection.Challenge, selection.Digest.Source);
        Assert.Null(selection.Reason);
    }

    [Theory]
    [InlineData(new[] { Md5, Sha256 }, DigestAlgorithm.Sha256)]
    [InlineData(new[] { Sha256, Md5 }, DigestAlgorithm.Sha256)]
    [InlineData(new[] { Md5Sess, Md5 }, DigestAlgorithm.Md5)]
    [InlineData(new[] { Sha256Sess, Md5 }, DigestAlgorithm.Sha256Sess)]
    [InlineData(new[] { Sha256Sess, Sha256 }, DigestAlgorithm.Sha256)]
    [InlineData(new[] { Basic, Md5Sess }, DigestAlgorithm.Md5Sess)]
    public void Select_Pairs_PicksStrongerDigest(string[] fields, DigestAlgorithm expected)
    {
        Assert.Equal(expected, Select(fields, ChallengePolicy.Default, secure: true).Digest?.Algorithm);
    }

    [Fact]
    public void Select_UnknownAlgorithmAndScheme_AreSkippedNotFatal()
    {
        ChallengeSelection selection = Select(["Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", "Negotiate", Basic], ChallengePolicy.Default, secure: true);

        Assert.NotNull(selection.Challenge);
        Assert.True(selection.Challenge.IsScheme("Basic"));
        Assert.Null(selection.Digest);
    }

    [Fact]
    public void Select_OnlyUnusable_ListsEverySkip()
    {
        ChallengeSelection selection = Select(["Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", "Negotiate abc==", "Digest realm=\"r\""], ChallengePolicy.Default, secure: true);

        Assert.Null(selection.Challenge);
        Assert.Null(selection.Digest);
        Assert.Equal(
            "no usable challenge: challenge #1 (Digest): Digest algorithm 'SHA-1' is not supported (supported: MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256, SHA-512-256-sess); challenge #2 (Negotiate): scheme 'Negotiate' is not supported; challenge #3 (Digest): Digest challenge has no nonce (required by RFC 7616 §3.3)",
            selection.Reason);
    }

    [Fact]
    public void Select_Empty_SaysNothingWasOffered()
    {
        ChallengeSelection selection = ChallengeSelector.Select([], ChallengePolicy.Default, secureTransport: true);

        Assert.Null(selection.Challenge);
        Assert.Equal("the server offered no challenge", selection.Reason);
    }

    [Fact]
    public void Select_PolicyRefusesMd5_TakesBasicInstead()
    {
        var policy = ChallengePolicy.Default with { AllowMd5 = false };

        ChallengeSelection selection = Select([Md5, Md5Sess, Basic], policy, secure: true);

        Assert.True(selection.Challenge?.IsScheme("Basic"));
    }

    [Fact]
    public void Select_PolicyRefusesMd5AndNothingElse_ExplainsPolicy()
    {
        var policy = ChallengePolicy.Default with { AllowMd5 = false };

        ChallengeSelection selection = Select([Md5Sess], policy, secure: true);

        Assert.Null(selection.Challenge);
        Assert.Contains("Digest MD5-sess is refused by policy (AllowMd5 is false)", selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_BasicOverHttpRefused_ExplainsPolicy()
    {
        var policy = ChallengePolicy.Default with { AllowBasicOverHttp = false };

        ChallengeSelection selection = Select([Basic], policy, secure: false);

        Assert.Null(selection.Challenge);
        Assert.Contains("Basic over an insecure transport is refused by policy", selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_BasicOverHttpRefusedButSecure_TakesBasic()
    {
        var policy = ChallengePolicy.Default with { AllowBasicOverHttp = false };

        Assert.True(Select([Basic], policy, secure: true).Challenge?.IsScheme("Basic"));
    }

    [Fact]
    public void Select_BasicRefused_ExplainsPolicy()
    {
        var policy = ChallengePolicy.Default with { AllowBasic = false };

        Assert.Contains("AllowBasic is false", Select([Basic], policy, secure: true).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256, Md5, false)]
    [InlineData(DigestAlgorithm.Sha256, Sha256, true)]
    [InlineData(DigestAlgorithm.Sha256, Sha256Sess, true)]
    [InlineData(DigestAlgorithm.Sha256, Sha512, true)]
    [InlineData(DigestAlgorithm.Sha512_256, Sha256, false)]
    [InlineData(DigestAlgorithm.Sha256Sess, Sha256, true)]
    [InlineData(DigestAlgorithm.Md5, Md5Sess, true)]
    public void Rank_MinimumAlgorithm_ComparesHashFunctions(DigestAlgorithm minimum, string header, bool usable)
    {
        var policy = ChallengePolicy.Default with { MinimumAlgorithm = minimum };
        AuthChallenge challenge = ChallengeParser.Parse(header).Challenges[0];

        int rank = ChallengeSelector.Rank(challenge, policy, secureTransport: true, out DigestChallenge? digest, out string? rejection);

        Assert.Equal(usable, rank >= 0);
        Assert.Equal(usable, digest is not null);
        Assert.Equal(usable, rejection is null);
        if (!usable)
        {
            Assert.Contains("weaker than the policy's minimum", rejection, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rank_BasicBelowAnyDigest()
    {
        int basic = RankOf(Basic);
        int md5Sess = RankOf(Md5Sess);

        Assert.True(basic >= 0);
        Assert.True(md5Sess > basic);
    }

    [Fact]
    public void Select_EqualChallenges_FirstWins()
    {
        IReadOnlyList<AuthChallenge> challenges = ChallengeParser.Parse([Sha256, Sha256.Replace("n2", "n9", StringComparison.Ordinal)]).Challenges;

        ChallengeSelection selection = ChallengeSelector.Select(challenges, ChallengePolicy.Default, secureTransport: true);

        Assert.Equal("n2", selection.Digest?.Nonce);
    }

    [Fact]
    public void Default_AllowsEverything()
    {
        ChallengePolicy policy = ChallengePolicy.Default;

        Assert.True(policy.AllowMd5);
        Assert.True(policy.AllowBasic);
        Assert.True(policy.AllowBasicOverHttp);
        Assert.Null(policy.MinimumAlgorithm);
    }

    private static int RankOf(string header) =>
        ChallengeSelector.Rank(ChallengeParser.Parse(header).Challenges[0], ChallengePolicy.Default, secureTransport: true, out _, out _);

    private static ChallengeSelection Select(string[] fields, ChallengePolicy policy, bool secure)
    {
        ChallengeParseResult parsed = ChallengeParser.Parse(fields);
        Assert.True(parsed.IsSuccess, parsed.Error);
        return ChallengeSelector.Select(parsed.Challenges, policy, secure);
    }
}
