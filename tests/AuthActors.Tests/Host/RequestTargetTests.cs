using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>Matching the Digest uri parameter with the request-target (RFC 7616 §3.4.6).</summary>
public sealed class RequestTargetTests
{
    [Theory]
    [InlineData("/a/b?x=1", "/a/b?x=1", true)]
    [InlineData("/a/b?x=1", "/a/b?x=2", false)]
    [InlineData("/a/b", "/a/B", false)]
    [InlineData("http://origin.test/a?x=1", "http://origin.test/a?x=1", true)]
    [InlineData("/a?x=1", "http://origin.test/a?x=1", true)]
    [InlineData("http://origin.test/a?x=1", "/a?x=1", true)]
    [InlineData("http://origin.test", "/", true)]
    [InlineData("http://other.test/a", "http://origin.test/a", false)]
    [InlineData(null, "/a", false)]
    public void Matches_DigestUriAgainstTarget(string? digestUri, string target, bool expected)
    {
        Assert.Equal(expected, RequestTarget.Matches(digestUri, target));
    }

    [Theory]
    [InlineData("/path", false)]
    [InlineData("http://host/path", true)]
    [InlineData("*", false)]
    public void IsAbsoluteForm_Recognises(string target, bool expected)
    {
        Assert.Equal(expected, RequestTarget.IsAbsoluteForm(target));
    }
}
