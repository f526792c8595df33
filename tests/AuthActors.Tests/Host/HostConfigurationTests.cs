using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>The environment and --set layers' key mapping.</summary>
public sealed class HostConfigurationTests
{
    [Theory]
    [InlineData("AUTHACTORS__ASK_TIMEOUT", "authactors:ask-timeout")]
    [InlineData("AUTHACTORS__SPACES__LEASE_MODE", "authactors:spaces:lease-mode")]
    [InlineData("authactors__credentials__entries__0__password", "authactors:credentials:entries:0:password")]
    public void FromEnvironment_MapsDoubleUnderscoresToSectionsAndUnderscoresToDashes(string name, string key)
    {
        KeyValuePair<string, string?> setting = Assert.Single(HostConfiguration.FromEnvironment(new Dictionary<string, string> { [name] = "v" }));

        Assert.Equal(key, setting.Key);
        Assert.Equal("v", setting.Value);
    }

    [Theory]
    [InlineData("AUTHACTORS_CRED_DEFAULT_USER")]
    [InlineData("AUTHACTORS__")]
    [InlineData("PATH")]
    public void FromEnvironment_OtherVariables_AreIgnored(string name) =>
        Assert.Empty(HostConfiguration.FromEnvironment(new Dictionary<string, string> { [name] = "v" }));

    [Theory]
    [InlineData("spaces.lease-mode=shared", "authactors:spaces:lease-mode", "shared")]
    [InlineData("authactors.ask-timeout=1s", "authactors:ask-timeout", "1s")]
    [InlineData("handler:max-redirects=3", "authactors:handler:max-redirects", "3")]
    [InlineData("x.password=a=b", "authactors:x:password", "a=b")]
    [InlineData("x=", "authactors:x", "")]
    [InlineData("akka.loglevel=DEBUG", "akka:loglevel", "DEBUG")]
    [InlineData("AKKA:actor:Provider=local", "akka:actor:Provider", "local")]
    [InlineData("akka-ish.x=1", "authactors:akka-ish:x", "1")]
    public void TryParseSetting_ReadsKeyAndValue(string text, string key, string value)
    {
        Assert.True(HostConfiguration.TryParseSetting(text, out KeyValuePair<string, string?> setting, out _));

        Assert.Equal(key, setting.Key);
        Assert.Equal(value, setting.Value);
    }

    [Theory]
    [InlineData("no-equals")]
    [InlineData("=value")]
    [InlineData("a..b=1")]
    public void TryParseSetting_Malformed_FailsWithoutEchoingTheValue(string text)
    {
        Assert.False(HostConfiguration.TryParseSetting(text, out _, out string? error));

        Assert.DoesNotContain("value", error, StringComparison.Ordinal);
    }
}
