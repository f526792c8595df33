using AuthActors.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>HOCON.md "Includes", with real files in a temporary directory.</summary>
public sealed class HoconIncludeTests : IDisposable
{
    private static readonly HoconParseOptions s_noEnvironment = new() { GetEnvironmentVariable = _ => null };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Include_RelativePath_ResolvesAgainstTheIncludingFilesDirectory()
    {
        // "relative to the directory containing the including file", also for an included file's own includes.
        string app = _dir.Write("app.conf", "include \"sub/extra.conf\"\na = ${b}");
        _dir.Write("sub/extra.conf", "b = 1\ninclude \"more.conf\"");
        _dir.Write("sub/more.conf", "c = 2");
        _dir.Write("more.conf", "c = wrong-directory");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"b\":1,\"c\":2,\"a\":1}", root.ToJson());
    }

    [Fact]
    public void Include_MissingFile_IsSilentlyIgnored()
    {
        // "If an included file does not exist, the include statement should be silently ignored."
        string app = _dir.Write("app.conf", "include \"nope.conf\"\na = 1");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"a\":1}", root.ToJson());
    }

    [Fact]
    public void Include_RequiredMissingFile_ThrowsAtTheInclude()
    {
        string app = _dir.Write("app.conf", "x = 1\ninclude required(\"nope.conf\")");

        HoconException ex = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(app, s_noEnvironment));

        Assert.StartsWith(app + ":2:1: required include 'nope.conf' was not found", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include file(\"extra.conf\")")]
    [InlineData("include required(\"extra.conf\")")]
    [InlineData("include required( file( \"extra.conf\" ) )")]
    [InlineData("include\n  \"extra.conf\"")]
    public void Include_EachSyntax_LoadsTheFile(string include)
    {
        string app = _dir.Write("app.conf", include + "\na = 1");
        _dir.Write("extra.conf", "b = 2");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"b\":2,\"a\":1}", root.ToJson());
    }

    [Fact]
    public void Include_InsideAnObject_FixesUpSubstitutionsToThatObject()
    {
        // HOCON.md "Include semantics: substitution": ${x} in foo.conf becomes ${a.x}, which the root redefines.
        string app = _dir.Write("app.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");
        _dir.Write("foo.conf", "{ x : 10, y : ${x} }");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"a\":{\"x\":42,\"y\":42}}", root.ToJson());
    }

    [Fact]
    public void Include_InsideAnObject_FallsBackToTheRootPath()
    {
        // "it's necessary to look up the original path as well".
        string app = _dir.Write("app.conf", "top = 5\na { include \"foo.conf\" }");
        _dir.Write("foo.conf", "y = ${top}");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"top\":5,\"a\":{\"y\":5}}", root.ToJson());
    }

    [Fact]
    public void Include_Fields_MergeLikeDuplicateKeysInPlace()
    {
        // HOCON.md "Include semantics: merging": included keys override earlier ones and are overridden by later ones.
        string app = _dir.Write("app.conf", "a { x = 1 }\nk = 1\ninclude \"b.conf\"\na.z = 3\nm = 3");
        _dir.Write("b.conf", "a { y = 2 }\nk = 2\nm = 2");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"a\":{\"x\":1,\"y\":2,\"z\":3},\"k\":2,\"m\":3}", root.ToJson());
    }

    [Fact]
    public void Include_PlusEqualsInIncludedFile_AppendsToTheIncludingFilesArray()
    {
        string app = _dir.Write("app.conf", "path = [a]\ninclude \"more.conf\"");
        _dir.Write("more.conf", "path += b");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"path\":[\"a\",\"b\"]}", root.ToJson());
    }

    [Fact]
    public void Include_NameWithoutExtension_LoadsJsonThenConf()
    {
        // HOCON.md "file formats and extensions": "Files in HOCON format should be parsed last."
        string app = _dir.Write("app.conf", "include \"base\"");
        _dir.Write("base.json", "{ \"a\": 1, \"b\": 1 }");
        _dir.Write("base.conf", "b = 2");

        HoconObject root = HoconParser.ParseFile(app, s_noEnvironment);

        Assert.Equal("{\"a\":1,\"b\":2}", root.ToJson());
    }

    [Fact]
    public void Include_Cycle_ThrowsNamingTheFiles()
    {
        string app = _dir.Write("a.conf", "include \"b.conf\"");
        _dir.Write("b.conf", "include \"a.conf\"");

        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.ParseFile(app, s_noEnvironment));

        Assert.Contains("include cycle: b.conf -> a.conf -> b.conf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_FileWithArrayRoot_Throws()
    {
        // "If an included file contains an array as the root value, it is invalid."
        string app = _dir.Write("app.conf", "include \"list.conf\"");
        _dir.Write("list.conf", "[1, 2]");

        HoconException ex = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(app, s_noEnvironment));

        Assert.Contains("list.conf:1:1: the root of a HOCON document must be an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFileAndPosition()
    {
        string app = _dir.Write("app.conf", "a = 1\ninclude \"bad.conf\"");
        _dir.Write("bad.conf", "\nx = @");

        HoconException ex = Assert.Throws<HoconParseException>(() => HoconParser.ParseFile(app, s_noEnvironment));

        Assert.Contains("bad.conf:2:5: reserved character '@'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_UnreadableFile_ThrowsWithThePositionAndTheCause()
    {
        // "Other IO errors probably should not be ignored": here the name is a directory.
        string app = _dir.Write("app.conf", "a = 1\ninclude \"sub.conf\"");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sub.conf"));

        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.ParseFile(app, s_noEnvironment));

        Assert.StartsWith(app + ":2:1: could not read included file 'sub.conf'", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Include_ReadIncludeHook_ReceivesTheFullPathBesideTheBaseDirectory()
    {
        var requested = new List<string>();
        var options = s_noEnvironment with
        {
            BaseDirectory = _dir.Path,
            ReadInclude = path =>
            {
                requested.Add(path);
                return "a = 1";
            },
        };

        HoconObject root = HoconParser.Parse("include \"conf/x.conf\"", "root.conf", options);

        Assert.Equal([Path.Combine(_dir.Path, "conf", "x.conf")], requested);
        Assert.Equal("{\"a\":1}", root.ToJson());
    }
}
