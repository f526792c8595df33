using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

/// <summary>The netrc format as curl 7.84+ reads it; the choices are documented on NetrcCredentialSource.Parse.</summary>
public sealed class NetrcParserTests
{
    private static NetrcFile Parse(string text) => NetrcCredentialSource.Parse(text, "test.netrc");

    [Theory]
    // One machine; host match ignores case both ways.
    [InlineData("machine example.com login alice password pw", "example.com", "alice", "pw")]
    [InlineData("machine EXAMPLE.COM login alice password pw", "example.com", "alice", "pw")]
    [InlineData("machine example.com login alice password pw", "Example.COM", "alice", "pw")]
    // Keywords ignore case too (curl uses strcasecompare).
    [InlineData("MACHINE example.com LOGIN alice Password pw", "example.com", "alice", "pw")]
    // Several machines on one line; the right one is picked.
    [InlineData("machine a.com login a password pa machine b.com login b password pb", "b.com", "b", "pb")]
    // One entry spread over lines, values on the next line.
    [InlineData("machine\nexample.com\n  login\n alice\n\tpassword\tpw\n", "example.com", "alice", "pw")]
    // The first matching machine wins.
    [InlineData("machine h login first password 1\nmachine h login second password 2", "h", "first", "1")]
    // default answers an unknown host; a machine entry before it still wins for its host.
    [InlineData("machine h login m password 1\ndefault login d password 2", "other", "d", "2")]
    [InlineData("machine h login m password 1\ndefault login d password 2", "h", "m", "1")]
    // Comments: '#' starting a token runs to the end of the line; inside a token it is literal.
    [InlineData("# my netrc\nmachine h # the host\n login alice # me\n password pa#ss", "h", "alice", "pa#ss")]
    [InlineData("machine h login alice password \"# not a comment\"", "h", "alice", "# not a comment")]
    // Quoted tokens with escapes: \" \\ \n \t \r, any other escaped character is itself.
    [InlineData("machine h login \"al ice\" password \"p\\\"w\\\\d\"", "h", "al ice", "p\"w\\d")]
    [InlineData("machine h login a password \"tab\\there\\nline\\rret\\q\"", "h", "a", "tab\there\nline\rret" + "q")]
    [InlineData("machine h login \"\" password \"\"", "h", "", "")]
    // CRLF files.
    [InlineData("machine h\r\nlogin alice\r\npassword pw\r\n", "h", "alice", "pw")]
    // A byte-order mark is not a token.
    [InlineData("\uFEFFmachine h login alice password pw", "h", "alice", "pw")]
    // Account is read (and not mistaken for the password).
    [InlineData("machine h login alice account acct password pw", "h", "alice", "pw")]
    public void Find_Table_ReturnsTheEntryCurlWouldUse(string text, string host, string login, string password)
    {
        NetrcEntry? entry = Parse(text).Find(host);

        Assert.NotNull(entry);
        Assert.Equal(login, entry.Login);
        Assert.Equal(password, entry.Password);
    }

    [Fact]
    public void Find_NoMatchAndNoDefault_ReturnsNull()
    {
        Assert.Null(Parse("machine a login x password y").Find("b"));
    }

    [Fact]
    public void Parse_DefaultEntry_IsDefaultAndNotAMachine()
    {
        NetrcFile file = Parse("default login anonymous password guest@");

        Assert.Empty(file.Entries);
        Assert.NotNull(file.Default);
        Assert.True(file.Default.IsDefault);
        Assert.Equal("anonymous", file.Default.Login);
    }

    [Fact]
    public void Parse_DefaultNotLast_LaterEntriesAreIgnoredAsCurlNeverReachesThem()
    {
        NetrcFile file = Parse("machine a login x password 1\ndefault login d password 2\nmachine b login y password 3\n");

        Assert.Equal("d", file.Find("b")!.Login);
        NetrcEntry ignored = Assert.Single(file.IgnoredEntries);
        Assert.Equal("b", ignored.Machine);
        Assert.Equal(3, ignored.Line);
        Assert.Contains(file.Notices, n => n.Line == 3);
    }

    [Fact]
    public void Parse_SecondDefault_IsIgnored()
    {
        NetrcFile file = Parse("default login one password 1\ndefault login two password 2");

        Assert.Equal("one", file.Default!.Login);
        Assert.Single(file.IgnoredEntries);
    }

    [Fact]
    public void Parse_Macdef_BodyIsSkippedUpToTheEmptyLine()
    {
        const string Text = "machine a login x password 1\nmacdef init\ncd /pub\nmachine evil login e password e\n\nmachine b login y password 2\n";

        NetrcFile file = Parse(Text);

        Assert.Equal(["a", "b"], file.Entries.Select(e => e.Machine));
        Assert.Null(file.FindMachine("evil"));
        Assert.Empty(file.Notices);
    }

    [Fact]
    public void Parse_MacdefAtEndOfFile_BodyRunsToTheEnd()
    {
        NetrcFile file = Parse("machine a login x password 1\nmacdef init\nmachine evil login e password e");

        Assert.Single(file.Entries);
    }

    [Fact]
    public void Parse_MissingPassword_EntryHasLoginAndNullPassword()
    {
        NetrcEntry entry = Parse("machine h login alice").Entries[0];

        Assert.Equal("alice", entry.Login);
        Assert.Null(entry.Password);
    }

    [Fact]
    public void Parse_UnknownToken_IsIgnoredAndNotedByLineWithoutItsText()
    {
        NetrcFile file = Parse("machine h login alice\nport 21 password pw");

        Assert.Equal("pw", file.Entries[0].Password);
        Assert.Equal([2, 2], file.Notices.Select(n => n.Line));
        Assert.All(file.Notices, n => Assert.DoesNotContain("port", n.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EntryLines_AreRecorded()
    {
        NetrcFile file = Parse("\n# c\nmachine a login x password 1\n\nmachine b login y password 2");

        Assert.Equal([3, 5], file.Entries.Select(e => e.Line));
    }

    [Fact]
    public void Parse_EmptyText_HasNoEntries()
    {
        NetrcFile file = Parse("");

        Assert.Empty(file.Entries);
        Assert.Null(file.Default);
    }

    [Theory]
    [InlineData("machine h login", 1, "'login' needs a value")]
    [InlineData("machine h\nlogin alice\npassword", 3, "'password' needs a value")]
    [InlineData("machine h account", 1, "'account' needs a value")]
    [InlineData("\n\nmachine", 3, "'machine' needs a host name")]
    [InlineData("macdef", 1, "'macdef' needs a macro name")]
    [InlineData("machine h login alice password \"unterminated", 1, "unterminated quoted token")]
    [InlineData("machine h\nlogin alice password \"ends in escape\\", 2, "unterminated quoted token")]
    [InlineData("machine h\n\n login \"a\"b", 3, "followed by white space")]
    [InlineData("# header\nlogin alice password pw", 2, "'login' must follow 'machine' or 'default'")]
    [InlineData("password pw", 1, "'password' must follow")]
    public void Parse_Malformed_ThrowsWithFileAndLine(string text, int line, string detail)
    {
        NetrcFormatException error = Assert.Throws<NetrcFormatException>(() => Parse(text));

        Assert.Equal("test.netrc", error.FileName);
        Assert.Equal(line, error.Line);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Contains("test.netrc", error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NetrcEntry_Equality_ComparesPasswordAndIgnoresHostCase()
    {
        var a = new NetrcEntry("Example.com", "alice", "pw", null);

        Assert.Equal(a, new NetrcEntry("example.com", "alice", "pw", null));
        Assert.NotEqual(a, new NetrcEntry("example.com", "alice", "other", null));
        Assert.Equal(a.GetHashCode(), new NetrcEntry("EXAMPLE.COM", "alice", "different", null).GetHashCode());
    }
}
