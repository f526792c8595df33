using System.Security.Cryptography;
using System.Text;
using AuthActors.Protocol;
using static AuthActors.Tests.Protocol.DigestVectors;

namespace AuthActors.Tests.Protocol;

/// <summary>The RFC examples of VECTORS.md §1–§4, each checked on the client and the server side.</summary>
public sealed class DigestRfcVectorTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5, "3d78807defe7de2157e2b0b6573a855f", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616Section391_Ha1AndResponse_MatchRfc(DigestAlgorithm algorithm, string expectedHa1, string expectedResponse)
    {
        string ha1 = DigestCalculator.ComputeHa1(algorithm, Rfc7616User, Rfc7616Realm, Rfc7616Password);
        DigestRequest request = Rfc7616Request(algorithm);

        Assert.Equal(expectedHa1, ha1);
        Assert.Equal(expectedResponse, DigestCalculator.ComputeResponse(in request));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "39aff3a2bab6126f332b942af96d3366")]
    [InlineData(DigestAlgorithm.Sha256, "9a3fdae9a622fe8de177c24fa9c070f2b181ec85e15dcbdc32e10c82ad450b04")]
    public void Rfc7616Section391_Ha2_MatchesVectors(DigestAlgorithm algorithm, string expectedHa2)
    {
        string ha2 = DigestCalculator.ComputeHa2(algorithm, "GET", Rfc7616Uri);

        Assert.Equal(expectedHa2, ha2);
    }

    [Fact]
    public void Rfc7616Section391_Sha256Header_HasRfcFieldsAndVerifiesOnServer()
    {
        DigestRequest request = Rfc7616Request(DigestAlgorithm.Sha256);

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.Equal(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", algorithm=SHA-256, response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", qop=auth, nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            header);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.True(DigestVerifier.Verify(credentials, "GET", DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, Rfc7616User, Rfc7616Realm, Rfc7616Password)));
    }

    [Fact]
    public void Rfc7616Section392_UserHash_IsErratum4897Value()
    {
        string userHash = DigestCalculator.ComputeUserHash(DigestAlgorithm.Sha512_256, JasonUser, JasonRealm);

        Assert.Equal("793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b", userHash);
    }

    [Fact]
    public void Rfc7616Section392_Ha1AndResponse_AreErratum4897Values()
    {
        DigestRequest request = JasonRequest(userHash: true);

        Assert.Equal("2d3d9f12c9f3d30011259dc5fecee005ae24de40e3e1f61806d03e65f1e6024f", request.Ha1);
        Assert.Equal("3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5", DigestCalculator.ComputeResponse(in request));
    }

    [Fact]
    public void Rfc7616Section392_PrintedValues_AreNotOursButAreTruncatedSha512()
    {
        // Negative test documenting erratum 4897: the RFC printed SHA-512 truncated to 256 bits.
        const string PrintedUserHash = "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec";
        const string PrintedResponse = "ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd";
        DigestRequest request = JasonRequest(userHash: true);

        string ours = DigestCalculator.ComputeUserHash(DigestAlgorithm.Sha512_256, JasonUser, JasonRealm);
        string truncatedUserHash = TruncatedSha512Hex($"{JasonUser}:{JasonRealm}");
        string truncatedHa1 = TruncatedSha512Hex($"{JasonUser}:{JasonRealm}:{JasonPassword}");
        string truncatedHa2 = TruncatedSha512Hex($"GET:{JasonUri}");
        string truncatedResponse = TruncatedSha512Hex($"{truncatedHa1}:{JasonNonce}:00000001:{JasonCnonce}:auth:{truncatedHa2}");

        Assert.NotEqual(PrintedUserHash, ours);
        Assert.NotEqual(PrintedResponse, DigestCalculator.ComputeResponse(in request));
        Assert.Equal(PrintedUserHash, truncatedUserHash);
        Assert.Equal(PrintedResponse, truncatedResponse);
    }

    [Fact]
    public void Rfc7616Section392_UserHashHeader_CarriesHashAndVerifies()
    {
        DigestRequest request = JasonRequest(userHash: true);

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.StartsWith("Digest username=\"793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b\", realm=\"api@example.org\"", header, StringComparison.Ordinal);
        Assert.Contains("response=\"3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5\"", header, StringComparison.Ordinal);
        Assert.EndsWith(", userhash=true", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.True(credentials.UserHash);
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1));
    }

    [Fact]
    public void Rfc7616Section392_WithoutUserHash_SendsUserNameStarAndSameResponse()
    {
        DigestRequest request = JasonRequest(userHash: false);

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.StartsWith("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=", header, StringComparison.Ordinal);
        Assert.Contains("response=\"3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5\"", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(JasonUser, credentials.UserName);
        Assert.True(DigestVerifier.Verify(credentials, "GET", request.Ha1));
    }

    [Fact]
    public void Rfc2617Section35_Response_MatchesRfc()
    {
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "Circle Of Life");
        var request = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            UserName = "Mufasa",
            Realm = Rfc2617Realm,
            Nonce = Rfc2617Nonce,
            Ha1 = ha1,
            Method = "GET",
            DigestUri = "/dir/index.html",
            Qop = DigestQop.Auth,
            Nc = 1,
            Cnonce = "0a4f113b",
            Opaque = Rfc2617Opaque,
        };

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", ha1);
        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestCalculator.ComputeResponse(in request));
    }

    [Fact]
    public void Rfc2617Section35_Header_MatchesRfcExampleFieldsAndVerifies()
    {
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "Circle Of Life");
        var request = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            UserName = "Mufasa",
            Realm = Rfc2617Realm,
            Nonce = Rfc2617Nonce,
            Ha1 = ha1,
            Method = "GET",
            DigestUri = "/dir/index.html",
            Qop = DigestQop.Auth,
            Nc = 1,
            Cnonce = "0a4f113b",
            Opaque = Rfc2617Opaque,
        };

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.DoesNotContain("algorithm=", header, StringComparison.Ordinal);
        Assert.Contains("response=\"6629fae49393a05397450978507c4ef1\"", header, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.True(DigestVerifier.Verify(credentials, "GET", ha1));
    }

    [Fact]
    public void Rfc2069Section24_Response_IsErratum749Value()
    {
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "CircleOfLife");
        var request = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            UserName = "Mufasa",
            Realm = Rfc2617Realm,
            Nonce = Rfc2617Nonce,
            Ha1 = ha1,
            Method = "GET",
            DigestUri = "/dir/index.html",
            Opaque = Rfc2617Opaque,
        };

        string response = DigestCalculator.ComputeResponse(in request);

        Assert.Equal("1949323746fe6a43ef61f9606e7febea", response);
        Assert.NotEqual("e966c932a9242554e42c8ee200cec7f6", response); // the value RFC 2069 printed
    }

    [Fact]
    public void Rfc2069Section24_Header_HasNoQopNcCnonceAndVerifies()
    {
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "CircleOfLife");
        var request = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            UserName = "Mufasa",
            Realm = Rfc2617Realm,
            Nonce = Rfc2617Nonce,
            Ha1 = ha1,
            Method = "GET",
            DigestUri = "/dir/index.html",
            Opaque = Rfc2617Opaque,
        };

        string header = DigestAuthorizationWriter.Write(in request);

        Assert.Equal(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", response=\"1949323746fe6a43ef61f9606e7febea\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            header);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.True(DigestVerifier.Verify(credentials, "GET", ha1));
    }

    private static string TruncatedSha512Hex(string input) =>
        Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(input)).AsSpan(0, 32));
}
