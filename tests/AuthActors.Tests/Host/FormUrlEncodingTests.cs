using System.Text;
using AuthActors.Host.Server;

namespace AuthActors.Tests.Host;

/// <summary>application/x-www-form-urlencoded as RFC 6749 Appendix B uses it.</summary>
public sealed class FormUrlEncodingTests
{
    [Theory]
    [InlineData("+%25%26%2B%C2%A3%E2%82%AC", " %&+£€")] // RFC 6749 Appendix B's example
    [InlineData("client_credentials", "client_credentials")]
    [InlineData("a%3ab", "a:b")]
    [InlineData("", "")]
    public void TryDecode_FormEncodedText_GivesTheText(string encoded, string expected)
    {
        Assert.True(FormUrlEncoding.TryDecode(encoded, out string? decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("%zz")]
    [InlineData("%C3%28")] // not UTF-8
    public void TryDecode_Malformed_ReturnsFalse(string encoded) =>
        Assert.False(FormUrlEncoding.TryDecode(encoded, out _));

    [Fact]
    public void TryParse_Pairs_AreSplitAndDecoded()
    {
        Assert.True(FormUrlEncoding.TryParse(Encoding.ASCII.GetBytes("grant_type=client_credentials&scope=a+b&&flag"), out Dictionary<string, string> form, out _));

        Assert.Equal(3, form.Count);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("a b", form["scope"]);
        Assert.Equal("", form["flag"]);
    }

    [Fact]
    public void TryParse_RepeatedName_ReturnsFalse()
    {
        // RFC 6749 §3.2: parameters must not be included more than once.
        Assert.False(FormUrlEncoding.TryParse(Encoding.ASCII.GetBytes("scope=a&scope=b"), out _, out string? problem));
        Assert.Contains("repeated", problem, StringComparison.Ordinal);
    }
}
