using AuthActors.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>The resolved value model: kinds, lookups and JSON output.</summary>
public sealed class HoconValueTests
{
    private static HoconObject Parse(string hocon) => HoconParser.Parse(hocon, "value.conf", new HoconParseOptions { GetEnvironmentVariable = _ => null });

    [Fact]
    public void Scalars_ExposeKindTextAndConfigurationValue()
    {
        HoconObject root = Parse("s = hello, n = 1.50, b = true, z = null");

        Assert.Equal([HoconValueKind.String, HoconValueKind.Number, HoconValueKind.Boolean, HoconValueKind.Null], root.Values.Select(v => v.Kind));
        Assert.Equal("1.50", ((HoconScalar)root["n"]).Text);
        Assert.Equal("null", ((HoconScalar)root["z"]).Text);
        Assert.Null(((HoconScalar)root["z"]).Value);
    }

    [Fact]
    public void TryGetPath_DottedPath_FindsNestedValue()
    {
        HoconObject root = Parse("authactors.spaces.lease-mode = auto");

        Assert.True(root.TryGetPath("authactors.spaces.lease-mode", out HoconValue? value));
        Assert.Equal("auto", ((HoconScalar)value).Text);
        Assert.False(root.TryGetPath("authactors.spaces.missing", out _));
        Assert.False(root.TryGetPath("authactors.spaces.lease-mode.deeper", out _));
    }

    [Fact]
    public void ToJson_Indented_WritesTwoSpacesPerLevel()
    {
        HoconObject root = Parse("a { b = [1, {}] }");

        Assert.Equal("{\n  \"a\": {\n    \"b\": [\n      1,\n      {}\n    ]\n  }\n}", root.ToJson(indented: true));
    }

    [Fact]
    public void ToJson_RedactKeys_HidesThoseValuesOnly()
    {
        HoconObject root = Parse("entries = [{ username = u, Password = hunter2 }], password = null");

        string json = root.ToJson(indented: false, redactKeys: ["password"]);

        Assert.Equal("{\"entries\":[{\"username\":\"u\",\"Password\":\"***\"}],\"password\":null}", json);
    }

    [Fact]
    public void ToJson_ControlCharacters_AreEscaped()
    {
        HoconObject root = Parse("a = \"\\u0001\\n\\\"\"");

        Assert.Equal("{\"a\":\"\\u0001\\n\\\"\"}", root.ToJson());
    }

    [Fact]
    public void ToString_DoesNotRevealTheValue()
    {
        HoconObject root = Parse("password = hunter2");

        Assert.DoesNotContain("hunter2", root.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", root["password"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutFileName_ReportsErrorsUnderInput()
    {
        HoconParseException ex = Assert.Throws<HoconParseException>(() => HoconParser.Parse("a = ["));

        Assert.StartsWith("<input>:1:6: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("<input>", ex.FileName);
        Assert.Equal(1, ex.Line);
        Assert.Equal(6, ex.Column);
    }
}
