using Akka.Configuration;
using AuthActors.Configuration;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Configuration;
using AkkaConfig = Akka.Configuration.Config;

namespace AuthActors.Tests.Configuration;

/// <summary>
/// <see cref="AkkaConfigText"/>: what our reader resolved, written so that Akka.NET's own parser
/// reads back the same values.
/// </summary>
public sealed class AkkaConfigTextTests
{
    [Fact]
    public void FromConfiguration_NoSuchSection_ReturnsEmptyString()
    {
        IConfiguration configuration = Hocon("authactors.ask-timeout = 5s");

        Assert.Equal("", AkkaConfigText.FromConfiguration(configuration));
    }

    [Fact]
    public void FromConfiguration_EmptyConfiguration_ReturnsEmptyString()
    {
        Assert.Equal("", AkkaConfigText.FromConfiguration(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void FromConfiguration_SmallSection_IsQuotedIndentedAndSorted()
    {
        IConfiguration configuration = Hocon("""
            akka {
              stdout-loglevel = WARNING
              loggers = [A]
              actor { provider = local }
            }
            """);

        string text = AkkaConfigText.FromConfiguration(configuration);

        Assert.Equal(
            """
            "akka" {
              "actor" = {
                "provider" = "local"
              }
              "loggers" = [
                "A"
              ]
              "stdout-loglevel" = "WARNING"
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void FromConfiguration_NestedObjects_ReadBackByAkka()
    {
        AkkaConfig akka = RoundTrip(Hocon("""
            akka.actor.debug { receive = on, lifecycle = off }
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 8081 }
            """));

        Assert.True(akka.GetBoolean("akka.actor.debug.receive"));
        Assert.False(akka.GetBoolean("akka.actor.debug.lifecycle"));
        Assert.Equal("127.0.0.1", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(8081, akka.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void FromConfiguration_Array_ReadBackAsAList()
    {
        AkkaConfig akka = RoundTrip(Hocon("""akka.loggers = ["A, B", "C"]"""));

        Assert.Equal(["A, B", "C"], akka.GetStringList("akka.loggers"));
    }

    [Fact]
    public void FromConfiguration_ArrayOfTenOrMore_KeepsNumericOrder()
    {
        AkkaConfig akka = RoundTrip(Hocon("akka.xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"));

        Assert.Equal([.. Enumerable.Range(0, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], akka.GetStringList("akka.xs"));
    }

    [Fact]
    public void FromConfiguration_ArrayOfObjects_ReadBackAsObjects()
    {
        AkkaConfig akka = RoundTrip(Hocon("akka.xs = [ { name = a, n = 1 }, { name = b } ]"));

        IList<Akka.Configuration.Hocon.HoconValue> items = akka.GetValue("akka.xs").GetArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("a", items[0].GetObject().GetKey("name").GetString());
        Assert.Equal(1, items[0].GetObject().GetKey("n").GetInt());
        Assert.Equal("b", items[1].GetObject().GetKey("name").GetString());
    }

    [Fact]
    public void FromConfiguration_ChildrenNotNumberedFromZero_BecomeAnObject()
    {
        IConfiguration configuration = Layers(new Dictionary<string, string?> { ["akka:x:1"] = "one", ["akka:x:2"] = "two" });

        AkkaConfig akka = RoundTrip(configuration);

        Assert.Equal("one", akka.GetString("akka.x.\"1\""));
        Assert.Equal("two", akka.GetString("akka.x.\"2\""));
    }

    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("250ms", 250)]
    [InlineData("2 minutes", 120_000)]
    public void FromConfiguration_Duration_ReadBackWithGetTimeSpan(string duration, int milliseconds)
    {
        AkkaConfig akka = RoundTrip(Hocon($"akka.actor.ask-timeout = {duration}"));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), akka.GetTimeSpan("akka.actor.ask-timeout"));
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("true", true)]
    [InlineData("off", false)]
    [InlineData("false", false)]
    public void FromConfiguration_Boolean_ReadBackWithGetBoolean(string written, bool expected)
    {
        AkkaConfig akka = RoundTrip(Hocon($"akka.log-config-on-start = {written}"));

        Assert.Equal(expected, akka.GetBoolean("akka.log-config-on-start"));
    }

    [Fact]
    public void FromConfiguration_KeyWithDotsInside_StaysOneKey()
    {
        AkkaConfig akka = RoundTrip(Hocon("""akka.actor.serialization-bindings { "System.Object" = json }"""));

        Assert.Equal("json", akka.GetString("akka.actor.serialization-bindings.\"System.Object\""));
        Assert.Equal(["System.Object"], Keys(akka.GetConfig("akka.actor.serialization-bindings")));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("has\"quote")]
    [InlineData("back\\slash")]
    [InlineData("${not.a.substitution}")]
    [InlineData("include")]
    public void FromConfiguration_KeyWithSpecialCharacters_StaysOneKey(string key)
    {
        IConfiguration configuration = Layers(new Dictionary<string, string?> { ["akka:bindings:" + key] = "v" });

        AkkaConfig akka = RoundTrip(configuration);

        Assert.Equal([key], Keys(akka.GetConfig("akka.bindings")));
    }

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("C:\\temp\\x")]
    [InlineData("two\nlines\r\nand\ttab")]
    [InlineData("${akka.loglevel}")]
    [InlineData("${?HOME}")]
    [InlineData("a, b # not a comment // nor this")]
    [InlineData("\u0001\u001f\u007f")]
    [InlineData("caf\u00e9 \u65e5\u672c \U0001F600")]
    [InlineData("")]
    [InlineData("in  side")]
    public void FromConfiguration_StringValue_ReadBackUnchanged(string value)
    {
        IConfiguration configuration = Layers(new Dictionary<string, string?> { ["akka:value"] = value });

        AkkaConfig akka = RoundTrip(configuration);

        Assert.Equal(value, akka.GetString("akka.value"));
    }

    [Theory]
    [InlineData("  padded\n", "padded")]
    [InlineData("null", null)]
    public void FromConfiguration_ValueAkkaCannotHold_ReadsBackAsAkkaGetsIt(string value, string? akkaReads)
    {
        // Akka's HoconValue.GetString trims every string and reads "null" as null, quoted or
        // not; no quoting can prevent it. AkkaConfigText's remarks name both.
        IConfiguration configuration = Layers(new Dictionary<string, string?> { ["akka:value"] = value });

        Assert.Equal(akkaReads, RoundTrip(configuration).GetString("akka.value"));
    }

    [Fact]
    public void FromConfiguration_AnyStringValue_ReadBackUnchanged()
    {
        // Values Akka itself would change (see above) are left out.
        Gen<string> text = Gen.Choose(0, 0x2FF).Select(c => (char)c)
            .ArrayOf()
            .Select(chars => new string(chars))
            .Where(value => value.Trim() == value && value != "null");

        Check.One(
            FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Arb.From(text), value => RoundTrip(Layers(new Dictionary<string, string?> { ["akka:value"] = value })).GetString("akka.value") == value));
    }

    [Fact]
    public void FromConfiguration_LaterLayer_OverridesTheValue()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddHoconString("akka { loglevel = INFO, stdout-loglevel = INFO }")
            .AddInMemoryCollection(new Dictionary<string, string?> { ["akka:loglevel"] = "DEBUG" })
            .Build();

        AkkaConfig akka = RoundTrip(configuration);

        Assert.Equal("DEBUG", akka.GetString("akka.loglevel"));
        Assert.Equal("INFO", akka.GetString("akka.stdout-loglevel"));
    }

    [Fact]
    public void FromConfiguration_SubstitutionsIncludesAndEnvironment_AreResolvedBeforeAkkaSeesThem()
    {
        using var dir = new TempDirectory();
        dir.Write("remote.conf", "akka.remote.dot-netty.tcp.hostname = ${?HOST_NAME}");
        string app = dir.Write("app.conf", """
            include required("remote.conf")
            level = DEBUG
            akka.loglevel = ${level}
            akka.loggers = [A]
            akka.loggers += B
            """);
        IConfiguration configuration = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.Path = app;
                source.ParseOptions = new HoconParseOptions { GetEnvironmentVariable = name => name == "HOST_NAME" ? "node-1" : null };
                source.ResolveFileProvider();
            })
            .Build();

        string text = AkkaConfigText.FromConfiguration(configuration);
        AkkaConfig akka = ConfigurationFactory.ParseString(text);

        Assert.DoesNotContain("${", text, StringComparison.Ordinal);
        Assert.Equal("DEBUG", akka.GetString("akka.loglevel"));
        Assert.Equal(["A", "B"], akka.GetStringList("akka.loggers"));
        Assert.Equal("node-1", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
    }

    [Fact]
    public void FromConfiguration_NullValue_IsLeftOut()
    {
        IConfiguration configuration = Layers(new Dictionary<string, string?> { ["akka:a"] = "x", ["akka:nothing"] = null });

        string text = AkkaConfigText.FromConfiguration(configuration);
        AkkaConfig akka = ConfigurationFactory.ParseString(text);

        Assert.DoesNotContain("nothing", text, StringComparison.Ordinal);
        Assert.Equal("x", akka.GetString("akka.a"));
    }

    [Fact]
    public void FromConfiguration_EmptyObjectBelowTheSection_LeavesAkkasDefaultsStanding()
    {
        // IConfiguration keeps an empty object as a null value; a null would hide Akka's defaults.
        string text = AkkaConfigText.FromConfiguration(Hocon("akka { loglevel = INFO, actor.deployment {} }"));
        AkkaConfig akka = ConfigurationFactory.ParseString(text).WithFallback(ConfigurationFactory.ParseString("akka.actor.deployment.default.router = from-defaults"));

        Assert.DoesNotContain("deployment", text, StringComparison.Ordinal);
        Assert.Equal("from-defaults", akka.GetString("akka.actor.deployment.default.router"));
    }

    [Fact]
    public void FromConfiguration_EmptySection_BecomesEmptyObject()
    {
        IConfiguration configuration = Hocon("akka {}\nauthactors.ask-timeout = 5s");

        string text = AkkaConfigText.FromConfiguration(configuration);

        Assert.Equal("\"akka\" {}\n", text);
        Assert.Empty(Keys(ConfigurationFactory.ParseString(text).GetConfig("akka")));
    }

    [Fact]
    public void FromConfiguration_OtherSection_IsRootedAtItsPath()
    {
        IConfiguration configuration = Hocon("authactors.akka-overrides { loglevel = DEBUG }");

        string text = AkkaConfigText.FromConfiguration(configuration, "authactors:akka-overrides");

        Assert.StartsWith("\"authactors\".\"akka-overrides\" {", text, StringComparison.Ordinal);
        Assert.Equal("DEBUG", ConfigurationFactory.ParseString(text).GetString("authactors.akka-overrides.loglevel"));
    }

    [Fact]
    public void FromConfiguration_OtherKeysOutsideTheSection_AreLeftOut()
    {
        string text = AkkaConfigText.FromConfiguration(Hocon("akka.loglevel = INFO\nauthactors.password = hunter2\nakka-other = 1"));

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("akka-other", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_SameSettingsInAnyOrder_GiveTheSameText()
    {
        IConfiguration one = Hocon("akka { b = 2, a { y = 1, x = 2 }, c = [3] }");
        IConfiguration two = Layers(new Dictionary<string, string?>
        {
            ["akka:c:0"] = "3",
            ["akka:a:x"] = "2",
            ["akka:b"] = "2",
            ["akka:a:y"] = "1",
        });

        Assert.Equal(AkkaConfigText.FromConfiguration(one), AkkaConfigText.FromConfiguration(two));
    }

    [Theory]
    [InlineData("")]
    [InlineData("akka:")]
    [InlineData(":akka")]
    public void FromConfiguration_BadSectionPath_Throws(string section)
    {
        Assert.ThrowsAny<ArgumentException>(() => AkkaConfigText.FromConfiguration(new ConfigurationBuilder().Build(), section));
    }

    private static IConfiguration Hocon(string text) => new ConfigurationBuilder().AddHoconString(text).Build();

    private static IConfiguration Layers(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static AkkaConfig RoundTrip(IConfiguration configuration) => ConfigurationFactory.ParseString(AkkaConfigText.FromConfiguration(configuration));

    private static string[] Keys(AkkaConfig config) => [.. config.Root.GetObject().Items.Keys];
}
