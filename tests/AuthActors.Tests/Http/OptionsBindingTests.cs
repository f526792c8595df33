using AuthActors.Http;
using AuthActors.Protocol;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Tests.Http;

/// <summary>reference.conf and the options types agree: every key binds, none is unknown, and
/// the defaults in the file are the defaults in code.</summary>
public sealed class OptionsBindingTests
{
    [Fact]
    public void ReferenceConf_BindsWithNoUnknownKeys()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddAuthActorsReference().Build().GetSection(AuthActorsOptions.SectionName);

        Assert.Empty(AuthActorsConfigurationBinder.UnknownKeys(section));
    }

    [Fact]
    public void ReferenceConf_HasEveryKeyTheBinderReads()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddAuthActorsReference().Build().GetSection(AuthActorsOptions.SectionName);
        var present = section.AsEnumerable(makePathsRelative: true).Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(AuthActorsConfigurationBinder.Keys, k => Assert.Contains(k, present));
        Assert.Contains("credentials:sources", present);
    }

    [Fact]
    public void ReferenceConf_DefaultsEqualTheDefaultsInCode()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddAuthActorsReference().Build().GetSection(AuthActorsOptions.SectionName);
        var bound = new AuthActorsOptions();
        var defaults = new AuthActorsOptions();

        AuthActorsConfigurationBinder.Bind(section, bound);

        Assert.Equal(defaults.ToSpaceSettings(), bound.ToSpaceSettings());
        Assert.Equal(defaults.Handler.BufferLimit, bound.Handler.BufferLimit);
        Assert.Equal(defaults.Handler.VerifyRspAuth, bound.Handler.VerifyRspAuth);
        Assert.Equal(defaults.Handler.FollowRedirects, bound.Handler.FollowRedirects);
        Assert.Equal(defaults.Handler.MaxRedirects, bound.Handler.MaxRedirects);
        Assert.Equal(defaults.Credentials.Sources, bound.Credentials.Sources);
        Assert.Equal(defaults.Credentials.NetrcFile, bound.Credentials.NetrcFile);
        Assert.Equal(defaults.Credentials.EnvironmentPrefix, bound.Credentials.EnvironmentPrefix);
    }

    [Fact]
    public void UserFile_OverridesDurationsSizesAndPolicy()
    {
        IConfigurationSection section = new ConfigurationBuilder()
            .AddAuthActorsReference()
            .AddHoconString("""
                authactors {
                  ask-timeout = 1.5s
                  spaces { passivate-after = 30s, lease-mode = exclusive }
                  handler.buffer-limit = 64KiB
                  policy { minimum-algorithm = SHA-256, allow-basic-over-http = false }
                  credentials.sources = "netrc"
                }
                """)
            .Build()
            .GetSection(AuthActorsOptions.SectionName);
        var options = new AuthActorsOptions();

        AuthActorsConfigurationBinder.Bind(section, options);
        SpaceSettings settings = options.ToSpaceSettings();

        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PassivateAfter);
        Assert.Equal(LeaseMode.Exclusive, settings.LeaseMode);
        Assert.Equal(64 * 1024, options.Handler.BufferLimit);
        Assert.Equal(DigestAlgorithm.Sha256, settings.Policy.MinimumAlgorithm);
        Assert.False(settings.Policy.AllowBasicOverHttp);
        Assert.Equal(["netrc"], options.Credentials.Sources);
    }

    [Theory]
    [InlineData("ask-timeout", "soon", "a duration")]
    [InlineData("spaces:lease-mode", "sometimes", "auto, shared or exclusive")]
    [InlineData("handler:buffer-limit", "big", "a size")]
    [InlineData("policy:minimum-algorithm", "SHA-1", "MD5, SHA-256, SHA-512-256 or null")]
    [InlineData("spaces:max-nonce-pool", "many", "a whole number")]
    public void BadValue_NamesTheKeyAndWhatWasExpected(string key, string value, string expected)
    {
        IConfigurationSection section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["authactors:" + key] = value })
            .Build()
            .GetSection(AuthActorsOptions.SectionName);

        var error = Assert.Throws<InvalidOperationException>(() => AuthActorsConfigurationBinder.Bind(section, new AuthActorsOptions()));

        Assert.Contains("authactors:" + key, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspelledKey_IsReportedAsUnknown()
    {
        IConfigurationSection section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["authactors:spaces:pasivate-after"] = "1m" })
            .Build()
            .GetSection(AuthActorsOptions.SectionName);

        Assert.Equal(["spaces:pasivate-after"], AuthActorsConfigurationBinder.UnknownKeys(section));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("250", 250)]
    [InlineData("00:00:02", 2_000)]
    [InlineData("2 seconds", 2_000)]
    public void ConfigValue_Durations(string text, long milliseconds)
    {
        Assert.True(ConfigValue.TryParseDuration(text, out TimeSpan value));
        Assert.Equal(milliseconds, (long)value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("64KiB", 65_536)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("1M", 1_048_576)]
    [InlineData("1MB", 1_000_000)]
    [InlineData("10kB", 10_000)]
    [InlineData("512", 512)]
    public void ConfigValue_Sizes(string text, long bytes)
    {
        Assert.True(ConfigValue.TryParseSize(text, out long value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("5 fortnights")]
    [InlineData("s")]
    public void ConfigValue_BadDurations_AreRejected(string text) => Assert.False(ConfigValue.TryParseDuration(text, out _));
}
