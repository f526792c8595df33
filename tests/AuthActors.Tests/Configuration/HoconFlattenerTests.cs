using AuthActors.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>HOCON to IConfiguration keys, the way Microsoft.Extensions.Configuration.Json maps JSON.</summary>
public sealed class HoconFlattenerTests
{
    private static IDictionary<string, string?> Flatten(string hocon)
        => HoconFlattener.Flatten(HoconParser.Parse(hocon, "flat.conf", new HoconParseOptions { GetEnvironmentVariable = _ => null }));

    [Fact]
    public void Flatten_DottedPath_JoinsElementsWithColons()
    {
        IDictionary<string, string?> data = Flatten("a.b.c = 1");

        Assert.Equal(new Dictionary<string, string?> { ["a:b:c"] = "1" }, data);
    }

    [Fact]
    public void Flatten_Array_UsesIndexesAsKeys()
    {
        IDictionary<string, string?> data = Flatten("a = [x, y]");

        Assert.Equal(new Dictionary<string, string?> { ["a:0"] = "x", ["a:1"] = "y" }, data);
    }

    [Fact]
    public void Flatten_ObjectsInArray_NestUnderTheIndex()
    {
        IDictionary<string, string?> data = Flatten("entries = [{ origin = \"https://a\", username = u }]");

        Assert.Equal(new Dictionary<string, string?> { ["entries:0:origin"] = "https://a", ["entries:0:username"] = "u" }, data);
    }

    [Fact]
    public void Flatten_Null_KeepsTheKeyWithANullValue()
    {
        IDictionary<string, string?> data = Flatten("a = null");

        Assert.True(data.ContainsKey("a"));
        Assert.Null(data["a"]);
    }

    [Fact]
    public void Flatten_BooleansAndNumbers_AreWrittenAsInTheFile()
    {
        IDictionary<string, string?> data = Flatten("t = true, f = false, n = 1e5, d = 1.50, s = 5s");

        Assert.Equal(new Dictionary<string, string?> { ["t"] = "true", ["f"] = "false", ["n"] = "1e5", ["d"] = "1.50", ["s"] = "5s" }, data);
    }

    [Fact]
    public void Flatten_EmptyObjectAndArray_BecomeKeysWithNullValues()
    {
        IDictionary<string, string?> data = Flatten("o = {}, a = []");

        Assert.Equal(new Dictionary<string, string?> { ["o"] = null, ["a"] = null }, data);
    }

    [Fact]
    public void Flatten_Result_IgnoresLetterCaseLikeConfiguration()
    {
        IDictionary<string, string?> data = Flatten("Ask-Timeout = 5s");

        Assert.Equal("5s", data["ask-timeout"]);
    }

    [Fact]
    public void Flatten_KeysDifferingOnlyInCase_ThrowsRatherThanDroppingOne()
    {
        HoconException ex = Assert.Throws<HoconException>(() => Flatten("a = 1, A = 2"));

        Assert.Contains("settings 'a' and 'A' map to the same configuration key", ex.Message, StringComparison.Ordinal);
    }
}
