using AuthActors.Protocol;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Tests.Schemes;

/// <summary>Which Bearer challenges the scheme answers, and the options it accepts.</summary>
public sealed class BearerSchemeTests
{
    private static readonly AuthChallenge s_bearer = new("Bearer", [new("realm", "api")]);

    [Fact]
    public void Rank_OverHttps_BeatsDigestAndBasic()
    {
        var registry = new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, new BearerScheme()]);
        AuthChallenge[] offered =
        [
            new("Basic", [new("realm", "api")]),
            new("Digest", [new("realm", "api"), new("nonce", "n"), new("algorithm", "SHA-256"), new("qop", "auth")]),
            s_bearer,
        ];

        SchemeSelection selection = registry.Select(offered, ChallengePolicy.Default, secureTransport: true);

        Assert.Equal("Bearer", selection.Scheme?.Name);
        Assert.Equal("api", selection.Realm);
    }

    [Fact]
    public void Rank_OverHttpByDefault_IsRefusedWithReason()
    {
        int rank = new BearerScheme().Rank(s_bearer, ChallengePolicy.Default, secureTransport: false, out string? rejection);

        Assert.True(rank < 0);
        Assert.Contains("AllowHttp", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_OverHttpWhenAllowed_IsAccepted()
    {
        int rank = new BearerScheme(new BearerSchemeOptions { AllowHttp = true }).Rank(s_bearer, ChallengePolicy.Default, secureTransport: false, out _);

        Assert.True(rank > 0);
    }

    [Fact]
    public void Rank_Token68Challenge_IsRefused()
    {
        int rank = new BearerScheme().Rank(new AuthChallenge("Bearer", [], "abc"), ChallengePolicy.Default, secureTransport: true, out string? rejection);

        Assert.True(rank < 0);
        Assert.Contains("token68", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new BearerSchemeOptions();

        Assert.Null(options.TokenEndpoint);
        Assert.Null(options.Scope);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RefreshSkew);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MinBackoff);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TokenRequestTimeout);
        Assert.False(options.AllowHttp);
        Assert.Null(options.TokenClientFactory);
    }

    public static TheoryData<BearerSchemeOptions, string> InvalidOptions => new()
    {
        { new BearerSchemeOptions { TokenEndpoint = new Uri("http://auth.example/token") }, "TokenEndpoint" },
        { new BearerSchemeOptions { TokenEndpoint = new Uri("/token", UriKind.Relative) }, "TokenEndpoint" },
        { new BearerSchemeOptions { TokenEndpoint = new Uri("ftp://auth.example/token") }, "TokenEndpoint" },
        { new BearerSchemeOptions { TokenEndpoint = new Uri("https://id:secret@auth.example/token") }, "TokenEndpoint" },
        { new BearerSchemeOptions { TokenEndpoint = new Uri("https://auth.example/token#frag") }, "TokenEndpoint" },
        { new BearerSchemeOptions { Scope = "" }, "Scope" },
        { new BearerSchemeOptions { Scope = "a  b" }, "Scope" },
        { new BearerSchemeOptions { Scope = "a\"b" }, "Scope" },
        { new BearerSchemeOptions { RefreshSkew = TimeSpan.FromSeconds(-1) }, "RefreshSkew" },
        { new BearerSchemeOptions { MinBackoff = TimeSpan.Zero }, "MinBackoff" },
        { new BearerSchemeOptions { MinBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(5) }, "MaxBackoff" },
        { new BearerSchemeOptions { TokenRequestTimeout = TimeSpan.Zero }, "TokenRequestTimeout" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Options_OutOfRange_AreRefusedNamingTheOption(BearerSchemeOptions options, string name)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => new BearerScheme(options));

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Options_HttpEndpointWithAllowHttp_AreAccepted()
    {
        var scheme = new BearerScheme(new BearerSchemeOptions { TokenEndpoint = new Uri("http://127.0.0.1:8080/token"), AllowHttp = true, Scope = "read write:all" });

        Assert.Equal("Bearer (client credentials at http://127.0.0.1:8080/token)", scheme.ToString());
    }
}
