using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class UrlUserInfoCredentialSourceTests
{
    [Fact]
    public async Task Capture_PercentEncodedUserInfo_IsDecodedAndRemembered()
    {
        var source = new UrlUserInfoCredentialSource();

        source.Capture(new Uri("http://us%40er:p%3Ass@host:8080/x?q"));
        CredentialAnswer answer = await source.GetAsync(Request("http://host:8080"), CancellationToken.None);

        Assert.Equal("us@er", answer.Credential?.UserName);
        Assert.Equal("p:ss", answer.Credential?.Password);
    }

    [Fact]
    public void Capture_UserInfo_ReturnsTheUriWithoutIt()
    {
        var source = new UrlUserInfoCredentialSource();

        Uri stripped = source.Capture(new Uri("http://us%40er:p%3Ass@host:8080/x?q"));

        Assert.Equal("", stripped.UserInfo);
        Assert.Equal("http://host:8080/x?q", stripped.AbsoluteUri);
        Assert.DoesNotContain("p:ss", stripped.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p%3Ass", stripped.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p%3Ass", stripped.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_NoUserInfo_ReturnsTheSameInstance()
    {
        var uri = new Uri("https://host/x");

        Assert.Same(uri, new UrlUserInfoCredentialSource().Capture(uri));
    }

    [Fact]
    public async Task Capture_UserWithoutPassword_GivesAnEmptyPassword()
    {
        var source = new UrlUserInfoCredentialSource();

        source.Capture(new Uri("https://alice@host/"));
        CredentialAnswer answer = await source.GetAsync(Request("https://host"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
        Assert.Equal("", answer.Credential?.Password);
    }

    [Fact]
    public async Task Capture_ForOneOrigin_DoesNotAnswerAnotherPortOrScheme()
    {
        var source = new UrlUserInfoCredentialSource();
        source.Capture(new Uri("https://alice:pw@host/"));

        CredentialAnswer otherPort = await source.GetAsync(Request("https://host:8443"), CancellationToken.None);
        CredentialAnswer otherScheme = await source.GetAsync(Request("http://host"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, otherPort.Kind);
        Assert.Equal(CredentialAnswerKind.Declined, otherScheme.Kind);
    }

    [Fact]
    public async Task Capture_Twice_LatestWins()
    {
        var source = new UrlUserInfoCredentialSource();
        source.Capture(new Uri("https://alice:old@host/"));

        source.Capture(new Uri("https://alice:new@host/"));
        CredentialAnswer answer = await source.GetAsync(Request("https://host"), CancellationToken.None);

        Assert.Equal("new", answer.Credential?.Password);
    }

    [Fact]
    public async Task Forget_CapturedOrigin_DeclinesAfterwards()
    {
        var source = new UrlUserInfoCredentialSource();
        source.Capture(new Uri("https://alice:pw@host/"));

        bool forgotten = source.Forget(new Uri("https://host"));
        CredentialAnswer answer = await source.GetAsync(Request("https://host"), CancellationToken.None);

        Assert.True(forgotten);
        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public void StripUserInfo_KeepsPathQueryAndFragment()
    {
        Uri stripped = UrlUserInfoCredentialSource.StripUserInfo(new Uri("https://a:b@host:8443/p/a%20th?x=1&y=2#frag"));

        Assert.Equal("https://host:8443/p/a%20th?x=1&y=2#frag", stripped.AbsoluteUri);
    }

    [Fact]
    public void StripUserInfo_RelativeUri_IsReturnedUnchanged()
    {
        var relative = new Uri("/path", UriKind.Relative);

        Assert.Same(relative, UrlUserInfoCredentialSource.StripUserInfo(relative));
    }
}
