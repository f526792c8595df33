using AuthActors.Protocol;
using static AuthActors.Tests.Protocol.DigestVectors;

namespace AuthActors.Tests.Protocol;

/// <summary>
/// VECTORS.md §6: computed, not from an RFC (recomputed with Python hashlib from the RFC 7616
/// §3.9.1 inputs). Each is checked on the client side, then verified by the server-side code from
/// the header our writer made, and tampering with response, uri or nc must fail verification.
/// </summary>
public sealed class DigestComputedVectorTests
{
    public static TheoryData<string, DigestAlgorithm, uint, DigestQop, string> ResponseVectors => new()
    {
        { "qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Md5, 1u, DigestQop.Auth, "8ca523f5e9506fed4657c9700eebdbec" },
        { "qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Sha256, 1u, DigestQop.Auth, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1" },
        { "qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Sha512_256, 1u, DigestQop.Auth, "430d05014cecc49cab6fbe03176d41a1da86cbfe24a16580e22aaad928d960d0" },
        { "qop=auth nc=2 (computed, not from an RFC)", DigestAlgorithm.Md5, 2u, DigestQop.Auth, "4b5d595ecf2db9df612ea5b45cd97101" },
        { "qop=auth nc=2 (computed, not from an RFC)", DigestAlgorithm.Sha256, 2u, DigestQop.Auth, "8c8db27f49ff1c202f9fb49fa9d2e9eabf078dcc93db40dfd6527010091d1c8e" },
        { "qop=auth nc=2 (computed, not from an RFC)", DigestAlgorithm.Sha512_256, 2u, DigestQop.Auth, "c70be613fc833a6fd44d48f13b0ae4431b234f5a5c232c4f817c08d99be9485e" },
        { "-sess qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Md5Sess, 1u, DigestQop.Auth, "e783283f46242139c486a698fec7211d" },
        { "-sess qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Sha256Sess, 1u, DigestQop.Auth, "2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7" },
        { "-sess qop=auth nc=1 (computed, not from an RFC)", DigestAlgorithm.Sha512_256Sess, 1u, DigestQop.Auth, "3f2a34f923c38b0fb26dce2fdfc2ce326c23cecf86fbb1444f3e51fbbc2cb92e" },
        { "auth-int empty body (computed, not from an RFC)", DigestAlgorithm.Md5, 1u, DigestQop.AuthInt, "8804a53d3640a40a4f73cea12c5ba451" },
        { "auth-int empty body (computed, not from an RFC)", DigestAlgorithm.Sha256, 1u, DigestQop.AuthInt, "8bdf6f15638e260831e905028de5450562816d093c9bfc5c13d3a46adcdde940" },
        { "auth-int empty body (computed, not from an RFC)", DigestAlgorithm.Sha512_256, 1u, DigestQop.AuthInt, "38244c4d345d09bb0000b355be27d2a55003ee188df9821c54df70a63aa0c1ca" },
    };

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void ComputeResponse_ComputedVector_Matches(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        DigestRequest request = Request(algorithm, nc, qop);

        string response = DigestCalculator.ComputeResponse(in request);

        Assert.True(expected == response, $"{label} {algorithm}: expected {expected}, got {response}");
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void Verify_HeaderFromWriter_IsAccepted(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = label;
        DigestRequest request = Request(algorithm, nc, qop);
        string header = DigestAuthorizationWriter.Write(in request);

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(expected, credentials.Response);
        Assert.True(DigestVerifier.Verify(credentials, "GET", BaseHa1(algorithm), BodyHash(algorithm, qop)));
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void Verify_TamperedResponse_IsRejected(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = label;
        DigestRequest request = Request(algorithm, nc, qop);
        string header = DigestAuthorizationWriter.Write(in request);
        char flipped = expected[5] == '0' ? '1' : '0';
        string tampered = header.Replace(expected, expected[..5] + flipped + expected[6..], StringComparison.Ordinal);

        Assert.True(DigestCredentials.TryParse(tampered, out DigestCredentials? credentials, out string? error), error);
        Assert.False(DigestVerifier.Verify(credentials, "GET", BaseHa1(algorithm), BodyHash(algorithm, qop)));
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void Verify_TamperedUri_IsRejected(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = (label, expected);
        DigestRequest request = Request(algorithm, nc, qop);
        string tampered = DigestAuthorizationWriter.Write(in request).Replace("uri=\"/dir/index.html\"", "uri=\"/dir/other.html\"", StringComparison.Ordinal);

        Assert.True(DigestCredentials.TryParse(tampered, out DigestCredentials? credentials, out string? error), error);
        Assert.False(DigestVerifier.Verify(credentials, "GET", BaseHa1(algorithm), BodyHash(algorithm, qop)));
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void Verify_TamperedNc_IsRejected(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = (label, expected);
        DigestRequest request = Request(algorithm, nc, qop);
        string ncText = DigestCalculator.FormatNc(nc);
        string tampered = DigestAuthorizationWriter.Write(in request).Replace("nc=" + ncText, "nc=" + DigestCalculator.FormatNc(nc + 1), StringComparison.Ordinal);

        Assert.True(DigestCredentials.TryParse(tampered, out DigestCredentials? credentials, out string? error), error);
        Assert.False(DigestVerifier.Verify(credentials, "GET", BaseHa1(algorithm), BodyHash(algorithm, qop)));
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void Verify_OtherMethod_IsRejected(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = (label, expected);
        DigestRequest request = Request(algorithm, nc, qop);

        Assert.True(DigestCredentials.TryParse(DigestAuthorizationWriter.Write(in request), out DigestCredentials? credentials, out string? error), error);
        Assert.False(DigestVerifier.Verify(credentials, "POST", BaseHa1(algorithm), BodyHash(algorithm, qop)));
    }

    [Theory]
    [MemberData(nameof(ResponseVectors))]
    public void RspAuth_ServerCreatesClientVerifies_RoundTrips(string label, DigestAlgorithm algorithm, uint nc, DigestQop qop, string expected)
    {
        _ = (label, expected);
        DigestRequest request = Request(algorithm, nc, qop);
        Assert.True(DigestCredentials.TryParse(DigestAuthorizationWriter.Write(in request), out DigestCredentials? credentials, out string? error), error);

        string rspauth = DigestVerifier.CreateRspAuth(credentials, BaseHa1(algorithm), BodyHash(algorithm, qop));

        Assert.Equal(DigestCalculator.ComputeRspAuth(in request), rspauth);
        Assert.True(DigestCalculator.VerifyRspAuth(in request, rspauth));
        Assert.True(DigestCalculator.VerifyRspAuth(in request, rspauth.ToUpperInvariant()));
        Assert.False(DigestCalculator.VerifyRspAuth(in request, credentials.Response));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "4238f3a16167373febb9bc4d43db9cc4")]
    [InlineData(DigestAlgorithm.Sha256, "a947aad205e80e429958a387394944c6b496301e79f89d35a4cc23b6ee12b5b6")]
    [InlineData(DigestAlgorithm.Sha512_256, "e2dfabd1a96ddf867710b653b6e6857d1f147086de7d7ef79dcd249859872570")]
    public void ComputeUserHash_ComputedVector_Matches(DigestAlgorithm algorithm, string expected)
    {
        // Computed, not from an RFC: H("Mufasa:http-auth@example.org").
        Assert.Equal(expected, DigestCalculator.ComputeUserHash(algorithm, Rfc7616User, Rfc7616Realm));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "4238f3a16167373febb9bc4d43db9cc4")]
    [InlineData(DigestAlgorithm.Sha256, "a947aad205e80e429958a387394944c6b496301e79f89d35a4cc23b6ee12b5b6")]
    [InlineData(DigestAlgorithm.Sha512_256, "e2dfabd1a96ddf867710b653b6e6857d1f147086de7d7ef79dcd249859872570")]
    public void Write_UserHash_SendsHashAndResponseIsUnchanged(DigestAlgorithm algorithm, string expectedUserHash)
    {
        // Computed, not from an RFC. A1 uses the real user name, so the response does not change.
        DigestRequest plain = Request(algorithm, 1, DigestQop.Auth);
        DigestRequest hashed = plain with { UserHash = true };

        string header = DigestAuthorizationWriter.Write(in hashed);

        Assert.StartsWith($"Digest username=\"{expectedUserHash}\", ", header, StringComparison.Ordinal);
        Assert.EndsWith(", userhash=true", header, StringComparison.Ordinal);
        Assert.Equal(DigestCalculator.ComputeResponse(in plain), DigestCalculator.ComputeResponse(in hashed));
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string? error), error);
        Assert.Equal(expectedUserHash, credentials.UserName);
        Assert.True(DigestVerifier.Verify(credentials, "GET", BaseHa1(algorithm)));
    }

    [Fact]
    public void ComputeResponse_Rfc2617InputsWithoutQop_MatchesComputedVector()
    {
        // Computed, not from an RFC: RFC 2617 §3.5 inputs sent in the RFC 2069 form.
        var request = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            UserName = "Mufasa",
            Realm = Rfc2617Realm,
            Nonce = Rfc2617Nonce,
            Ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "Circle Of Life"),
            Method = "GET",
            DigestUri = "/dir/index.html",
            Opaque = Rfc2617Opaque,
        };

        Assert.Equal("670fd8c2df070c60b045671b8b24ff02", DigestCalculator.ComputeResponse(in request));
    }

    private static DigestRequest Request(DigestAlgorithm algorithm, uint nc, DigestQop qop) =>
        Rfc7616Request(algorithm, nc, qop, BodyHash(algorithm, qop));

    private static string? BodyHash(DigestAlgorithm algorithm, DigestQop qop) =>
        qop == DigestQop.AuthInt ? DigestCalculator.HashBody(algorithm, ReadOnlySpan<byte>.Empty) : null;

    private static string BaseHa1(DigestAlgorithm algorithm) =>
        DigestCalculator.ComputeHa1(algorithm, Rfc7616User, Rfc7616Realm, Rfc7616Password);
}
