using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>Reading a crawl's URL list.</summary>
public sealed class UrlListTests
{
    [Fact]
    public async Task ReadAsync_SkipsBlankAndCommentLinesQuietly()
    {
        UrlList list = await UrlList.ReadAsync(new StringReader("\n# c\n   \n  # c2\nhttp://a/\n"), CancellationToken.None);

        Assert.Equal([new Uri("http://a/")], list.Urls);
        Assert.Empty(list.Problems);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/file")]
    [InlineData("/relative/path")]
    [InlineData("http://")]
    [InlineData("mailto:a@b")]
    public async Task ReadAsync_MalformedLine_IsReportedWithItsNumberAndSkipped(string line)
    {
        UrlList list = await UrlList.ReadAsync(new StringReader($"http://a/\n{line}\nhttps://b/"), CancellationToken.None);

        Assert.Equal([new Uri("http://a/"), new Uri("https://b/")], list.Urls);
        Assert.StartsWith("line 2: ", Assert.Single(list.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MalformedLineWithUserInfo_DoesNotShowThePassword()
    {
        UrlList list = await UrlList.ReadAsync(new StringReader("http://u:Secret-Pw@host/a b"), CancellationToken.None);

        Assert.DoesNotContain("Secret-Pw", Assert.Single(list.Problems), StringComparison.Ordinal);
    }
}
