using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>What --verbose and config print in place of secrets.</summary>
public sealed class SecretMaskingTests
{
    [Theory]
    [InlineData("Basic dXNlcjpwYXNzd2Q=", "Basic ****")]
    [InlineData("Bearer abc.def.ghi", "Bearer ****")]
    [InlineData("Digest", "Digest ****")]
    [InlineData("Digest username=\"u\", response=\"0123abcd\", nc=00000001", "Digest username=\"u\", response=\"****\", nc=00000001")]
    [InlineData("Digest username=\"u\",response=0123abcd", "Digest username=\"u\",response=\"****\"")]
    [InlineData("Digest RESPONSE = \"a\\\"b\", realm=\"r\"", "Digest RESPONSE = \"****\", realm=\"r\"")]
    public void MaskAuthorization_HidesTheCredential(string value, string expected) =>
        Assert.Equal(expected, SecretMasking.MaskAuthorization(value));

    [Fact]
    public void MaskAuthorization_DigestWhoseResponseCannotBeFound_MasksEverything() =>
        Assert.Equal("Digest ****", SecretMasking.MaskAuthorization("Digest username=\"u\", garbage"));

    [Theory]
    [InlineData("http://u:pw@h/x", "http://u:****@h/x")]
    [InlineData("see https://a:b@c:8080/ and http://d/", "see https://a:****@c:8080/ and http://d/")]
    [InlineData("http://only-user@h/", "http://only-user@h/")]
    [InlineData("no url here", "no url here")]
    public void MaskUserInfo_HidesOnlyThePassword(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.MaskUserInfo(text));

    [Theory]
    [InlineData("authactors:credentials:entries:0:password", true)]
    [InlineData("authactors:x:proxy-password", true)]
    [InlineData("authactors:x:API_TOKEN", true)]
    [InlineData("authactors:x:client-secret", true)]
    [InlineData("authactors:credentials:entries:0:username", false)]
    [InlineData("authactors:password-file:path", false)]
    public void IsSecretKey_LooksAtTheLastSegment(string key, bool secret) =>
        Assert.Equal(secret, SecretMasking.IsSecretKey(key));
}
