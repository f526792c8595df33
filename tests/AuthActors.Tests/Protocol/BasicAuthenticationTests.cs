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
}
