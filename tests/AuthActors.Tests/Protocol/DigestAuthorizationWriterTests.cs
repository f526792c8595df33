using AuthActors.Protocol;
using static AuthActors.Tests.Protocol.DigestVectors;

namespace AuthActors.Tests.Protocol;

/// <summary>Header syntax of the Digest Authorization value (RFC 7616 §3.4) and its round trip to the server side.</summary>
public sealed class DigestAuthorizationWriterTests
{
    [Fact]
    public void Write_QuotesAndBackslashes_AreEscapedAndRoundTrip()
    {
        DigestRequest request = Simple() with { UserName = "Mu\"fa\\sa", Realm = "r\"1", Opaque = "o\\p" };

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.StartsWith("Digest username=\"Mu\\\"fa\\\\sa\", realm=\"r\\\"1\"", header, StringComparison.Ordinal);
        Assert.Contains("opaque=\"o\\\\p\"", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal("Mu\"fa\\sa", credentials.UserName);
        Assert.Equal("r\"1", credentials.Realm);
        Assert.Equal("o\\p", credentials.Opaque);
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1));
    }

    [Fact]
    public void Write_Md5WithoutToken_OmitsAlgorithm()
    {
        DigestRequest request = Simple() with { AlgorithmToken = null };

        Assert.DoesNotContain("algorithm", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Sha256WithoutToken_NamesAlgorithm()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256) with { AlgorithmToken = null };

        Assert.Contains(", algorithm=SHA-256, ", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TokenAsSpelled_IsEchoedUnquoted()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256) with { AlgorithmToken = "sha-256" };

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.Contains(", algorithm=sha-256, ", header, StringComparison.Ordinal);
        Assert.Contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TokenForOtherAlgorithm_Throws()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256) with { AlgorithmToken = "MD5" };

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));

        Assert.Contains("does not name SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SessWithoutQop_SendsCnonceButNoQopOrNc()
    {
        // RFC 2617 left MD5-sess without qop undefined; the server needs the cnonce for A1 anyway.
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Md5Sess, qop: DigestQop.None);

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.Contains($"cnonce=\"{Rfc7616Cnonce}\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("qop=", header, StringComparison.Ordinal);
        Assert.DoesNotContain("nc=", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.True(DigestVerifier.Verify(credentials, "GET", DigestCalculator.ComputeHa1(DigestAlgorithm.Md5Sess, Rfc7616User, Rfc7616Realm, Rfc7616Password)));
    }

    [Fact]
    public void Write_NoOpaque_OmitsIt()
    {
        DigestRequest request = Simple() with { Opaque = null };

        Assert.DoesNotContain("opaque", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LargeNc_IsEightLowerHexDigits()
    {
        DigestRequest request = Simple() with { Nc = 0xABCDEF12 };

        Assert.Contains(", nc=abcdef12, ", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AuthInt_SendsQopAuthInt()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256, qop: DigestQop.AuthInt, bodyHashHex: DigestCalculator.HashBody(DigestAlgorithm.Sha256, "x"u8));

        Assert.Contains(", qop=auth-int, nc=00000001, ", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mufasa", "username=\"Mufasa\"")]
    [InlineData("J\u00e4s\u00f8n Doe", "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe")]
    [InlineData("\u7528\u6237", "username*=UTF-8''%E7%94%A8%E6%88%B7")]
    [InlineData("tab\tname", "username*=UTF-8''tab%09name")]
    [InlineData("a'b%c", "username*=")]
    public void Write_UserNameForm_DependsOnCharacters(string userName, string expected)
    {
        DigestRequest request = Simple() with { UserName = userName };

        string header = DigestAuthorizationWriter.Write(in request);

        if (userName == "a'b%c")
        {
            // Printable ASCII goes in a quoted-string even when it has RFC 8187 specials.
            Assert.StartsWith("Digest username=\"a'b%c\"", header, StringComparison.Ordinal);
            return;
        }

        Assert.StartsWith("Digest " + expected + ", realm=", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(userName, credentials.UserName);
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1));
    }

    [Fact]
    public void Write_NonAsciiNameWithoutUtf8Flag_StillUsesUserNameStar()
    {
        DigestRequest request = JasonRequest(userHash: false) with { Utf8 = false };

        Assert.StartsWith("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, ", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_VeryLongValues_UsesPooledBufferAndRoundTrips()
    {
        string longUri = "/" + new string('p', 5000) + "?q=" + new string('\u00e9', 10);
        DigestRequest request = Simple() with { DigestUri = longUri, UserName = new string('\u00fc', 600) };

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.True(header.Length > 5000);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(longUri, credentials.Uri);
        Assert.Equal(request.UserName, credentials.UserName);
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1));
    }

    [Fact]
    public void Write_SteadyState_AllocatesOnlyTheHeaderString()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256);
        string warm = DigestAuthorizationWriter.Write(in request);

        long before = GC.GetAllocatedBytesForCurrentThread();
        string header = DigestAuthorizationWriter.Write(in request);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // A string of n chars takes 22 + 2n bytes on 64-bit, rounded up to 8.
        long stringSize = (22 + (2L * header.Length) + 7) & ~7L;
        Assert.Equal(warm, header);
        Assert.Equal(stringSize, allocated);
    }

    [Fact]
    public void Write_MissingCnonceWithQop_Throws()
    {
        DigestRequest request = Simple() with { Cnonce = null };

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));

        Assert.Contains("cnonce is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MissingCnonceWithSess_Throws()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Md5Sess, qop: DigestQop.None) with { Cnonce = null };

        Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));
    }

    [Fact]
    public void Write_AuthIntWithoutBodyHash_Throws()
    {
        DigestRequest request = Simple() with { Qop = DigestQop.AuthInt };

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));

        Assert.Contains("auth-int needs BodyHashHex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwoQopFlags_Throws()
    {
        DigestRequest request = Simple() with { Qop = DigestQop.Auth | DigestQop.AuthInt, BodyHashHex = new string('0', 32) };

        Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));
    }

    [Fact]
    public void Write_Ha1OfWrongLength_ThrowsWithoutEchoingIt()
    {
        string sha256Ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "u", "r", "p");
        DigestRequest request = Simple() with { Ha1 = sha256Ha1 };

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));

        Assert.Contains("32 hex digits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sha256Ha1, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NullUserName_Throws()
    {
        DigestRequest request = Simple() with { UserName = null! };

        Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));
    }

    private static DigestRequest Simple() => Rfc7616Request(DigestAlgorithm.Md5);

    [Theory]
    [InlineData("/a\r\nX-Injected: 1")]
    [InlineData("/a\0")]
    [InlineData("/a\u007f")]
    public void Write_ControlCharacterInUri_ThrowsInsteadOfSplittingTheHeader(string uri)
    {
        DigestRequest request = Simple() with { DigestUri = uri };

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestAuthorizationWriter.Write(in request));

        Assert.Contains("must not contain control characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TabInRealm_IsAllowed()
    {
        DigestRequest request = Simple() with { Realm = "a\tb" };

        Assert.Contains("realm=\"a\tb\"", DigestAuthorizationWriter.Write(in request), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Request_OmitsHa1AndBodyHash()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256, qop: DigestQop.AuthInt, bodyHashHex: DigestCalculator.HashBody(DigestAlgorithm.Sha256, "b"u8));

        string text = request.ToString();

        Assert.Contains("Mufasa", text, StringComparison.Ordinal);
        Assert.DoesNotContain(request.Ha1, text, StringComparison.Ordinal);
        Assert.DoesNotContain(request.BodyHashHex!, text, StringComparison.Ordinal);
    }
}
