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
    [InlineData("http://ghp_0123456789abcdef@h/", "http://****@h/")]
    [InlineData("no url here", "no url here")]
    public void MaskUserInfo_HidesThePasswordOrABareToken(string text, string expected) =>
        Assert.Equal(expected, SecretMasking.MaskUserInfo(text));

    [Theory]
    [InlineData("authactors:credentials:entries:0:password", true)]
    [InlineData("authactors:x:proxy-password", true)]
    [InlineData("authactors:x:API_TOKEN", true)]
    [InlineData("authactors:x:client-secret", true)]
    [InlineData("authactors:credentials:entries:0:username", false)]
    [InlineData("authactors:password-file:path", false)]
    [InlineData("authactors:credentials:entries:api:account", true)]
    [InlineData("authactors:credentials:entries:api:pasword", true)]
    [InlineData("authactors:credentials:entries:api:origin", false)]
    public void IsSecretKey_LooksAtTheLastSegment_AndMasksAllButTheKnownPlainKeysOfAnEntry(string key, bool secret) =>
        Assert.Equal(secret, SecretMasking.IsSecretKey(key));

    [Theory]
    [InlineData("http://u:p ss@host/x", "http://****@host/x")]
    [InlineData("http://u:p@ss@host/x", "http://****@host/x")]
    [InlineData("http://u:pa/ss@host/x", "http://****@host/x")]
    [InlineData("http://tok en@host/x", "http://****@host/x")]
    [InlineData("not a url", "not a url")]
    public void MaskUrlInput_MasksEverythingUpToTheLastAt(string input, string expected) =>
        Assert.Equal(expected, SecretMasking.MaskUrlInput(input));

    [Fact]
    public void MaskUrlInput_ALongInput_IsCutAndSaysHowLong()
    {
        string input = "http://host/" + new string('a', 100_000);

        string shown = SecretMasking.MaskUrlInput(input);

        Assert.True(shown.Length < 300, shown.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("(100,012 characters)", shown, StringComparison.Ordinal);
    }
}
