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

    [Fact]
    public async Task ReadAsync_ALineThatIsNotUtf8_IsReportedAsSuch_NotFetchedAsWhatItDecodedTo()
    {
        byte[] bytes = [.. "http://a/\nhttp://b/caf"u8, 0xE9, .. "\nhttps://c/\n"u8]; // Latin-1 é
        using var reader = new StreamReader(new MemoryStream(bytes));

        UrlList list = await UrlList.ReadAsync(reader, CancellationToken.None);

        Assert.Equal([new Uri("http://a/"), new Uri("https://c/")], list.Urls);
        Assert.Equal("line 2: not valid UTF-8, skipped", Assert.Single(list.Problems));
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
