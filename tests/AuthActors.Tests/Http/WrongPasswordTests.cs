using AuthActors.Host.Server;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>A wrong password fails every request at once, per realm, with a reason a user
/// understands, however many realms the site has and however many requests race on them.</summary>
public sealed class WrongPasswordTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task WrongPassword_ManyRealms_EveryRequestFailsWithTheRefusal_NoneWaitsItsTimeout(int realms)
    {
        // Timeouts far above the test's bound: a request that waited them out would fail the test.
        var settings = new SpaceSettings { AskTimeout = TimeSpan.FromSeconds(60), DiscoveryTimeout = TimeSpan.FromSeconds(60) };
        await using AuthHarness harness = await AuthHarness.StartAsync(new DigestServerOptions { Realms = realms }, password: "wrong", settings: settings);

        LoadResult result = await harness.RunLoadAsync(100, 8, i => $"/space/{i % realms}/{i}").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.Succeeded);
        Assert.Equal(100, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.StartsWith("401 the server refused the credential", f, StringComparison.Ordinal));
        Assert.All(result.Failures, f => Assert.DoesNotContain("akka://", f, StringComparison.Ordinal));
    }
}
