using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Authentication-Info (RFC 7615 §3, RFC 7616 §3.5).</summary>
public sealed class AuthenticationInfoTests
{
    [Fact]
    public void TryParse_FullField_ReadsEveryDirective()
    {
        Assert.True(AuthenticationInfo.TryParse(
            "nextnonce=\"abc/def\", qop=auth, rspauth=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", nc=0000000A",
            out AuthenticationInfo? info,
            out string? error), error);

        Assert.Equal("abc/def", info.NextNonce);
        Assert.Equal(DigestQop.Auth, info.Qop);
        Assert.Equal("6629fae49393a05397450978507c4ef1", info.RspAuth);
        Assert.Equal("0a4f113b", info.Cnonce);
        Assert.Equal(10u, info.Nc);
    }

    [Fact]
    public void TryParse_OnlyNextNonce_LeavesTheRestEmpty()
    {
        Assert.True(AuthenticationInfo.TryParse("nextnonce=\"n2\"", out AuthenticationInfo? info, out string? error), error);

        Assert.Equal("n2", info.NextNonce);
        Assert.Equal(DigestQop.None, info.Qop);
        Assert.Null(info.RspAuth);
        Assert.Null(info.Nc);
    }

    [Fact]
    public void TryParse_UnknownParameterAndExtraCommas_AreIgnored()
    {
        Assert.True(AuthenticationInfo.TryParse(", NEXTNONCE=n2,, future=\"x\",", out AuthenticationInfo? info, out string? error), error);

        Assert.Equal("n2", info.NextNonce);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("  ", "is empty")]
    [InlineData("nextnonce=\"a", "unterminated quoted-string")]
    [InlineData("nextnonce=\"a\", nextnonce=\"b\"", "'nextnonce' occurs more than once")]
    [InlineData("nc=1", "nc must be 8 hex digits")]
    [InlineData("nc=0000000g", "nc must be 8 hex digits")]
    [InlineData("qop=auth-conf", "qop must be auth or auth-int")]
    [InlineData("nextnonce \"a\"", "parameter 'nextnonce' is missing '='")]
    [InlineData("nextnonce=a b", "expected ',' after parameter 'nextnonce'")]
    [InlineData("Digest nextnonce=a", "parameter 'Digest' is missing '='")]
    public void TryParse_Bad_ExplainsWhy(string? field, string reason)
    {
        Assert.False(AuthenticationInfo.TryParse(field, out AuthenticationInfo? info, out string? error));
        Assert.Null(info);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SixtyFiveParameters_IsRefused()
    {
        string field = string.Join(", ", Enumerable.Range(1, 65).Select(i => $"p{i}=v"));

        Assert.False(AuthenticationInfo.TryParse(field, out _, out string? error));
        Assert.Contains("more than 64 parameters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverLengthLimit_IsRefused()
    {
        string field = "nextnonce=\"" + new string('n', ChallengeParser.MaxFieldLength) + "\"";

        Assert.False(AuthenticationInfo.TryParse(field, out _, out string? error));
        Assert.Contains("over the 16384-character limit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OmitsRspAuth()
    {
        Assert.True(AuthenticationInfo.TryParse("rspauth=\"deadbeef\", qop=auth, nc=00000001", out AuthenticationInfo? info, out _));

        Assert.DoesNotContain("deadbeef", info.ToString(), StringComparison.Ordinal);
    }
}
