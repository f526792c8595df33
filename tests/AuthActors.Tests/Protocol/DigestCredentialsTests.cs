using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Server side: reading a received Digest Authorization value (RFC 7616 §3.4).</summary>
public sealed class DigestCredentialsTests
{
    private const string Rfc7616Sha256Header =
        "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    [Fact]
    public void TryParse_Rfc7616Section391Header_ReadsEveryField()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616Sha256Header, out DigestCredentials? credentials, out string? error), error);

        Assert.Equal("Mufasa", credentials.UserName);
        Assert.False(credentials.UserHash);
        Assert.Equal("http-auth@example.org", credentials.Realm);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal("SHA-256", credentials.AlgorithmToken);
        Assert.Equal("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", credentials.Nonce);
        Assert.Equal("00000001", credentials.NcText);
        Assert.Equal(1u, credentials.Nc);
        Assert.Equal("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", credentials.Cnonce);
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", credentials.Response);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", credentials.Opaque);
    }

    [Fact]
    public void Verify_RfcPrintedHeader_IsAccepted()
    {
        // The header exactly as RFC 7616 §3.9.1 prints it (its own field order), not our writer's.
        Assert.True(DigestCredentials.TryParse(Rfc7616Sha256Header, out DigestCredentials? credentials, out _));
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "Mufasa", "http-auth@example.org", "Circle of Life");

        Assert.True(DigestVerifier.Verify(credentials, "GET", ha1));
        Assert.True(DigestVerifier.Verify(credentials, "GET", ha1.ToUpperInvariant()));
    }

    [Fact]
    public void Verify_WrongPassword_IsRejected()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616Sha256Header, out DigestCredentials? credentials, out _));
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "Mufasa", "http-auth@example.org", "Circle Of Life");

        Assert.False(DigestVerifier.Verify(credentials, "GET", ha1));
    }

    [Fact]
    public void Verify_UpperCaseResponseAndNc_HashesNcAsSent()
    {
        // A client that sent nc=0000000A hashed that text; the verifier must hash the nc as sent,
        // which differs from the canonical lower-case "0000000a" our writer would use.
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "u", "r", "p");
        var canonical = new DigestRequest { Algorithm = DigestAlgorithm.Md5, UserName = "u", Realm = "r", Nonce = "n", Ha1 = ha1, Method = "GET", DigestUri = "/", Qop = DigestQop.Auth, Nc = 10, Cnonce = "c" };
        char[] asSent = new char[32];
        DigestCalculator.ComputeKd(DigestAlgorithm.Md5, ha1, "n", "0000000A", "c", "auth", "GET", "/", default, asSent);
        string response = new string(asSent).ToUpperInvariant();
        string header = $"Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"{response}\", qop=auth, nc=0000000A, cnonce=\"c\"";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(10u, credentials.Nc);
        Assert.NotEqual(DigestCalculator.ComputeResponse(in canonical), new string(asSent));
        Assert.True(DigestVerifier.Verify(credentials, "GET", ha1));
    }

    [Fact]
    public void Verify_AuthIntWithoutBodyHash_IsRejected()
    {
        DigestRequest request = DigestVectors.Rfc7616Request(DigestAlgorithm.Sha256, qop: DigestQop.AuthInt, bodyHashHex: DigestCalculator.HashBody(DigestAlgorithm.Sha256, "body"u8));
        Assert.True(DigestCredentials.TryParse(DigestAuthorizationWriter.Write(in request), out DigestCredentials? credentials, out _));

        Assert.False(DigestVerifier.Verify(credentials, "GET", request.Ha1));
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1, DigestCalculator.HashBody(DigestAlgorithm.Sha256, "body"u8)));
        Assert.False(DigestVerifier.Verify(credentials, "GET", request.Ha1, DigestCalculator.HashBody(DigestAlgorithm.Sha256, "other"u8)));
    }

    [Fact]
    public void Verify_Ha1OfWrongLength_Throws()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616Sha256Header, out DigestCredentials? credentials, out _));

        ArgumentException error = Assert.Throws<ArgumentException>(() => DigestVerifier.Verify(credentials, "GET", "3d78807defe7de2157e2b0b6573a855f"));

        Assert.Contains("64 hex digits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("3d78807defe7de2157e2b0b6573a855f", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRspAuth_AuthIntWithoutBodyHash_Throws()
    {
        DigestRequest request = DigestVectors.Rfc7616Request(DigestAlgorithm.Md5, qop: DigestQop.AuthInt, bodyHashHex: DigestCalculator.HashBody(DigestAlgorithm.Md5, default));
        Assert.True(DigestCredentials.TryParse(DigestAuthorizationWriter.Write(in request), out DigestCredentials? credentials, out _));

        Assert.Throws<ArgumentException>(() => DigestVerifier.CreateRspAuth(credentials, DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "http-auth@example.org", "Circle of Life")));
    }

    [Theory]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "scheme 'Basic', not Digest")]
    [InlineData("Digest abc==", "token68")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "no username")]
    [InlineData("Digest username=\"u\", username*=UTF-8''u, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "both username and username*")]
    [InlineData("Digest username*=KOI8-R''u, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "charset 'KOI8-R'")]
    [InlineData("Digest username*=UTF-8''%C3, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "not valid UTF-8")]
    [InlineData("Digest username*=UTF-8''%G1, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "broken percent-escape")]
    [InlineData("Digest username*=u, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "not an RFC 8187 ext-value")]
    [InlineData("Digest username=\"u\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "no realm")]
    [InlineData("Digest username=\"u\", realm=\"r\", uri=\"/\", response=\"00000000000000000000000000000000\"", "no nonce")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", response=\"00000000000000000000000000000000\"", "no uri")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\"", "no response")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"0000\"", "response is not 32 hex digits")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", algorithm=SHA-256, response=\"00000000000000000000000000000000\"", "response is not 64 hex digits")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"0000000000000000000000000000000z\"", "response is not 32 hex digits")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", algorithm=SHA-1, response=\"00000000000000000000000000000000\"", "algorithm 'SHA-1' is not supported")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\", qop=auth-conf, nc=00000001, cnonce=\"c\"", "qop must be auth or auth-int")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\", qop=auth, nc=00000001", "no cnonce")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\", qop=auth, cnonce=\"c\"", "no nc")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\", qop=auth, nc=1, cnonce=\"c\"", "nc must be 8 hex digits")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\", qop=auth, nc=000000001, cnonce=\"c\"", "nc must be 8 hex digits")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", algorithm=MD5-sess, response=\"00000000000000000000000000000000\"", "no cnonce (required by MD5-sess)")]
    [InlineData("Digest username=\"u\", username=\"v\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"", "'username' occurs more than once")]
    [InlineData("Digest username=\"u\", realm=\"r\", Basic abc", "expected one set of credentials but found 2")]
    [InlineData("Digest username=\"u", "unterminated quoted-string")]
    [InlineData("", "contains no credentials")]
    [InlineData(null, "contains no credentials")]
    public void TryParse_Bad_ExplainsWhy(string? header, string reason)
    {
        Assert.False(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error));
        Assert.Null(credentials);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UserNameStarLatin1_IsDecoded()
    {
        Assert.True(DigestCredentials.TryParse(
            "Digest username*=iso-8859-1'en'J%E4s%F8n, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"00000000000000000000000000000000\"",
            out DigestCredentials? credentials,
            out string? error), error);

        Assert.Equal("J\u00e4s\u00f8n", credentials.UserName);
    }

    [Fact]
    public void TryParse_Rfc2069Form_HasNoQop()
    {
        Assert.True(DigestCredentials.TryParse(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", response=\"1949323746fe6a43ef61f9606e7febea\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            out DigestCredentials? credentials,
            out string? error), error);

        Assert.Equal(DigestQop.None, credentials.Qop);
        Assert.Null(credentials.NcText);
        Assert.Equal(0u, credentials.Nc);
        Assert.True(DigestVerifier.Verify(credentials, "GET", DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "CircleOfLife")));
    }

    [Fact]
    public void ToString_NeverPrintsResponse()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616Sha256Header, out DigestCredentials? credentials, out _));

        string text = credentials.ToString();

        Assert.Contains("Mufasa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("753927fa", text, StringComparison.Ordinal);
    }
}
