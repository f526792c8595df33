using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>RFC 7617 (VECTORS.md §5) and the argument rules of <see cref="BasicAuthentication"/>.</summary>
public sealed class BasicAuthenticationTests
{
    [Fact]
    public void CreateHeaderValue_Rfc7617Section2Example_MatchesRfc()
    {
        Assert.Equal("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", BasicAuthentication.CreateHeaderValue("Aladdin", "open sesame", utf8: false));
    }

    [Fact]
    public void CreateParameter_Rfc7617Section21Utf8Example_MatchesRfc()
    {
        Assert.Equal("dGVzdDoxMjPCow==", BasicAuthentication.CreateParameter("test", "123\u00a3", utf8: true));
    }

    [Fact]
    public void CreateParameter_Latin1Control_GivesLatin1Bytes()
    {
        Assert.Equal("dGVzdDoxMjOj", BasicAuthentication.CreateParameter("test", "123\u00a3", utf8: false));
    }

    [Theory]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", false, "Aladdin", "open sesame")]
    [InlineData("basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ==  ", false, "Aladdin", "open sesame")]
    [InlineData("Basic dGVzdDoxMjPCow==", true, "test", "123\u00a3")]
    [InlineData("Basic dGVzdDoxMjOj", false, "test", "123\u00a3")]
    public void TryParse_ValidValue_ReturnsUserAndPassword(string header, bool utf8, string expectedUser, string expectedPassword)
    {
        Assert.True(BasicAuthentication.TryParse(header, utf8, out string? user, out string? password));
        Assert.Equal(expectedUser, user);
        Assert.Equal(expectedPassword, password);
    }

    [Fact]
    public void CreateParameter_ColonInUserId_ThrowsWithReason()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => BasicAuthentication.CreateParameter("a:b", "pw", utf8: true));

        Assert.Contains("must not contain ':'", error.Message, StringComparison.Ordinal);
        Assert.Equal("userId", error.ParamName);
    }

    [Fact]
    public void CreateParameter_ColonInPassword_IsAllowedAndRoundTrips()
    {
        string header = BasicAuthentication.CreateHeaderValue("user", "p:a:ss", utf8: true);

        Assert.True(BasicAuthentication.TryParse(header, utf8: true, out string? user, out string? password));
        Assert.Equal("user", user);
        Assert.Equal("p:a:ss", password);
    }

    [Fact]
    public void CreateParameter_ControlCharacterInUserId_Throws()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => BasicAuthentication.CreateParameter("us\ner", "pw", utf8: true));

        Assert.Contains("user-id contains a control character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateParameter_ControlCharacterInPassword_ThrowsWithoutThePassword()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => BasicAuthentication.CreateParameter("alice", "sec\u0000ret", utf8: true));

        Assert.Contains("password for user-id 'alice' contains a control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateParameter_OutsideLatin1WithoutUtf8_NamesUserIdNotPassword()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => BasicAuthentication.CreateParameter("alice", "p\u20acssword", utf8: false));

        Assert.Contains("user-id 'alice'", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside ISO-8859-1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ssword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateParameter_Utf8_NormalizesToNfc()
    {
        // RFC 7617 §2.1: with charset=UTF-8 the strings are NFC-normalized before encoding.
        Assert.Equal(
            BasicAuthentication.CreateParameter("caf\u00e9", "pw", utf8: true),
            BasicAuthentication.CreateParameter("cafe\u0301", "pw", utf8: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic ")]
    [InlineData("Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("BasicQWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ")]
    [InlineData("Basic !!!!")]
    [InlineData("Basic QWxh ZGRp")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic dXNlcjpwYXNzAA==")]
    public void TryParse_Bad_ReturnsFalse(string? header)
    {
        Assert.False(BasicAuthentication.TryParse(header, utf8: false, out string? user, out string? password));
        Assert.Null(user);
        Assert.Null(password);
    }

    [Fact]
    public void TryParse_InvalidUtf8WhenUtf8Expected_ReturnsFalse()
    {
        string header = "Basic " + Convert.ToBase64String([(byte)'u', (byte)':', 0xC3, 0x28]);

        Assert.False(BasicAuthentication.TryParse(header, utf8: true, out _, out _));
        Assert.True(BasicAuthentication.TryParse(header, utf8: false, out _, out string? latin1));
        Assert.Equal("\u00c3(", latin1);
    }

    [Fact]
    public void TryParse_OverLengthLimit_ReturnsFalse()
    {
        string header = "Basic " + new string('A', ChallengeParser.MaxFieldLength);

        Assert.False(BasicAuthentication.TryParse(header, utf8: true, out _, out _));
    }
}
