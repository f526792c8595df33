using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Tests.Schemes;

/// <summary>A server that sends thousands of unusable challenges gets a reason of bounded size.</summary>
public sealed class SchemeSelectionTests
{
    [Fact]
    public void TenThousandUnusableChallenges_GiveAShortReason_ThatCountsTheRest()
    {
        AuthChallenge[] challenges = [.. Enumerable.Range(0, 10_000).Select(i => new AuthChallenge($"Unknown{i}", []))];

        SchemeSelection selection = AuthSchemeRegistry.Default.Select(challenges, ChallengePolicy.Default, secureTransport: true);

        Assert.Null(selection.Scheme);
        Assert.True(selection.Reason!.Length < 1000, $"{selection.Reason.Length} characters");
        Assert.Contains("and 9,995 more", selection.Reason, StringComparison.Ordinal);
    }
}
