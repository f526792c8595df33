using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>Inputs of the vectors in VECTORS.md, shared by the vector tests.</summary>
internal static class DigestVectors
{
    // RFC 7616 §3.9.1 (password with lower-case "of", erratum 4495).
    public const string Rfc7616User = "Mufasa";
    public const string Rfc7616Password = "Circle of Life";
    public const string Rfc7616Realm = "http-auth@example.org";
    public const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    public const string Rfc7616Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    public const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    public const string Rfc7616Uri = "/dir/index.html";

    // RFC 7616 §3.9.2.
    public const string JasonUser = "J\u00e4s\u00f8n Doe";
    public const string JasonPassword = "Secret, or not?";
    public const string JasonRealm = "api@example.org";
    public const string JasonNonce = "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK";
    public const string JasonCnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v";
    public const string JasonOpaque = "HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS";
    public const string JasonUri = "/doe.json";

    // RFC 2617 §3.5 / RFC 2069 §2.4.
    public const string Rfc2617Realm = "testrealm@host.com";
    public const string Rfc2617Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    public const string Rfc2617Opaque = "5ccc069c403ebaf9f0171e9517f40e41";

    /// <summary>A request with the §3.9.1 inputs for <paramref name="algorithm"/> (session HA1 applied for -sess).</summary>
    public static DigestRequest Rfc7616Request(DigestAlgorithm algorithm, uint nc = 1, DigestQop qop = DigestQop.Auth, string? bodyHashHex = null)
    {
        string ha1 = DigestCalculator.ComputeHa1(algorithm, Rfc7616User, Rfc7616Realm, Rfc7616Password);
        if (DigestAlgorithms.IsSession(algorithm))
        {
            ha1 = DigestCalculator.ComputeSessionHa1(algorithm, ha1, Rfc7616Nonce, Rfc7616Cnonce);
        }

        return new DigestRequest
        {
            Algorithm = algorithm,
            AlgorithmToken = DigestAlgorithms.ToToken(algorithm),
            UserName = Rfc7616User,
            Realm = Rfc7616Realm,
            Nonce = Rfc7616Nonce,
            Ha1 = ha1,
            Method = "GET",
            DigestUri = Rfc7616Uri,
            Qop = qop,
            Nc = nc,
            Cnonce = Rfc7616Cnonce,
            Opaque = Rfc7616Opaque,
            BodyHashHex = bodyHashHex,
        };
    }

    /// <summary>The §3.9.2 request (SHA-512-256, charset=UTF-8).</summary>
    public static DigestRequest JasonRequest(bool userHash) => new()
    {
        Algorithm = DigestAlgorithm.Sha512_256,
        AlgorithmToken = "SHA-512-256",
        UserName = JasonUser,
        Realm = JasonRealm,
        Nonce = JasonNonce,
        Ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha512_256, JasonUser, JasonRealm, JasonPassword),
        Method = "GET",
        DigestUri = JasonUri,
        Qop = DigestQop.Auth,
        Nc = 1,
        Cnonce = JasonCnonce,
        Opaque = JasonOpaque,
        UserHash = userHash,
        Utf8 = true,
    };
}
