using Xunit.Sdk;

namespace AuthActors.Interop.Infrastructure;

/// <summary>A missing peer skips on a developer's machine and fails on CI.</summary>
public sealed class InteropEnvironmentTests
{
    [Fact]
    public void Require_MissingPeerLocally_Skips()
    {
        Xunit.SkipException skip = Assert.Throws<Xunit.SkipException>(() => InteropEnvironment.Require("squid is not installed", isCi: false));

        Assert.Equal("squid is not installed", skip.Message);
    }

    [Fact]
    public void Require_MissingPeerOnCi_Fails()
    {
        FailException fail = Assert.Throws<FailException>(() => InteropEnvironment.Require("squid is not installed", isCi: true));

        Assert.Contains("squid is not installed", fail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_PeerPresent_NeitherSkipsNorFails()
    {
        Exception? onCi = Record.Exception(() => InteropEnvironment.Require(null, isCi: true));
        Exception? locally = Record.Exception(() => InteropEnvironment.Require(null, isCi: false));

        Assert.Null(onCi);
        Assert.Null(locally);
    }
}
