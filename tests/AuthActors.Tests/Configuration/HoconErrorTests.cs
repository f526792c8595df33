using AuthActors.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>
/// Bad input gives a <see cref="HoconException"/> whose message starts with
/// <c>file:line:column:</c> and says what was expected (HOCON.md "Goals": "invalid files should
/// generate errors").
/// </summary>
public sealed class HoconErrorTests
{
    private static readonly HoconParseOptions s_isolated = new()
    {
        GetEnvironmentVariable = _ => null,
        ReadInclude = _ => null,
    };

    public static TheoryData<string, string, string> SyntaxErrors => new()
    {
        // Unterminated strings point at their opening quote.
        { "a = \"abc", "1:5", "unterminated quoted string" },
        { "a = 1\nb = \"\"\"abc\n", "2:5", "unterminated triple-quoted string" },
        { "a = \"x\ty\"", "1:7", "control character U+0009 is not allowed in a quoted string" },
        { "a = \"\\q\"", "1:6", "invalid escape '\\q'" },
        { "a = \"\\u12\"", "1:6", "'\\u' must be followed by four hex digits" },

        // Missing values and keys.
        { "a =", "1:4", "expected a value for 'a', found end of input" },
        { "{ a = }", "1:7", "expected a value for 'a', found '}'" },
        { "a = ,", "1:5", "expected a value for 'a', found ','" },
        { "a { timeout }", "1:13", "expected '=' ':' or '{' after key 'timeout', found '}'" },
        { "a {\n  timeout\n}", "2:10", "expected '=' ':' or '{' after key 'timeout', found end of line" },
        { "= 1", "1:1", "expected a key, found '='" },

        // Reserved characters and bad tokens.
        { "a = @x", "1:5", "reserved character '@' is not allowed outside quotes" },
        { "a = $x", "1:5", "reserved character '$'" },
        { "a = 1 + 2", "1:7", "reserved character '+'" },
        { "a ? b", "1:3", "reserved character '?'" },
        { "a = b = c", "1:7", "unexpected '=' in the value of 'a'" },
        { "a = 1 b : 2", "1:9", "unexpected ':' in the value of 'a'" },

        // Unbalanced braces and brackets.
        { "a {\n  b = 1\n", "3:1", "expected '}' to close '{' opened at 1:3, found end of input" },
        { "a = [1, 2", "1:10", "expected ']' to close '[' opened at 1:5, found end of input" },
        { "a = [1, 2 }", "1:11", "expected ']' to close '[' opened at 1:5, found '}'" },
        { "a = 1 }", "1:7", "unbalanced '}'" },
        { "{ a = 1 } b = 2", "1:11", "expected the end of the input after the root object's closing '}'" },
        { "[1, 2]", "1:1", "the root of a HOCON document must be an object, found an array" },

        // HOCON.md "Commas": no leading comma, no two in a row.
        { "a = [1,,2]", "1:8", "expected an array element or ']', found ','" },
        { "a = [,1]", "1:6", "expected an array element or ']', found ','" },
        { "a = 1,, b = 2", "1:7", "expected a key, found ','" },
        { "{ , a = 1 }", "1:3", "expected a key, found ','" },

        // HOCON.md "Path expressions": empty elements must be quoted; no substitutions in keys.
        { "a..b = 1", "1:1", "invalid path 'a..b' in key" },
        { "x = 1\n.a = 1", "2:1", "invalid path '.a' in key" },
        { "a. = 1", "1:1", "invalid path 'a.' in key" },
        { "${a} = 1", "1:1", "substitutions are not allowed in keys" },
        { "a = ${}", "1:5", "empty path in substitution" },
        { "a = ${b", "1:5", "unterminated substitution" },
        { "a = ${b.[c]}", "1:9", "expected a path or '}' in substitution, found '['" },

        // HOCON.md "Include syntax": the argument is one quoted string, or file()/required() around one.
        { "include foo", "1:9", "expected a quoted file name, file(\"...\") or required(\"...\") after 'include', found 'foo'" },
        { "include", "1:8", "after 'include', found end of input" },
        { "include \"a.conf\" \"b.conf\"", "1:18", "after 'include', found a quoted string" },
        { "include url(\"http://example.com/a.conf\")", "1:1", "include url(...) is not supported" },
        { "include \"http://example.com/a.conf\"", "1:1", "including a URL is not supported" },
        { "include required(\"missing.conf\")", "1:1", "required include 'missing.conf' was not found" },
        { "include required(file(\"missing.conf\"))", "1:1", "required include 'missing.conf' was not found" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Parse_InvalidInput_ThrowsWithFileLineAndColumn(string hocon, string lineColumn, string expected)
    {
        HoconException ex = Assert.ThrowsAny<HoconException>(() => HoconParser.Parse(hocon, "crawler.conf", s_isolated));

        Assert.StartsWith($"crawler.conf:{lineColumn}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ResolveErrors => new()
    {
        // HOCON.md "Self-Referential Substitutions": "this is not possible to resolve: bar : ${foo}, foo : ${bar}".
        { "a = ${b}, b = ${a}", "1:15", "substitution cycle: a -> b -> a" },
        { "a : ${b}\nb : ${c}\nc : ${a}", "3:5", "substitution cycle: a -> b -> c -> a" },
        { "a : { b : ${a} }", "1:11", "substitution cycle: a -> a.b -> a" },
        { "a : [ ${a} ]", "1:7", "substitution cycle: a -> a" },

        // An undefined required substitution names its path and where it was used.
        { "a = 1\nb = ${x}", "2:5", "could not resolve substitution ${x}: there is no setting at 'x' and no environment variable 'x'" },
        { "a = foo ${x.y} bar", "1:9", "could not resolve substitution ${x.y}" },
        { "a = ${a}", "1:5", "it refers to 'a', the field it defines, which has no earlier value" },

        // HOCON.md "Array and object concatenation": "it is an error if they are mixed".
        { "a = [1] { b = 1 }", "1:5", "cannot concatenate an object and an array in the value of 'a'" },
        { "a = { x = 1 }\na += 2", "2:3", "cannot concatenate an object and an array in the value of 'a'" },
        { "b = [1], a = x ${b}", "1:14", "cannot concatenate an array and a string in the value of 'a'" },
    };

    [Theory]
    [MemberData(nameof(ResolveErrors))]
    public void Parse_UnresolvableSubstitution_ThrowsWithFileLineAndColumn(string hocon, string lineColumn, string expected)
    {
        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.Parse(hocon, "crawler.conf", s_isolated));

        Assert.StartsWith($"crawler.conf:{lineColumn}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArraysNestedPastTheLimit_ThrowsAtTheFirstTooDeepBracket()
    {
        string hocon = "a = " + new string('[', 600) + new string(']', 600);

        HoconParseException ex = Assert.Throws<HoconParseException>(() => HoconParser.Parse(hocon, "deep.conf", s_isolated));

        Assert.StartsWith("deep.conf:1:517: nesting deeper than 512 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ObjectsNestedPastTheLimit_ThrowsInsteadOfOverflowingTheStack()
    {
        string hocon = string.Concat(Enumerable.Repeat("a { ", 100_000));

        HoconParseException ex = Assert.Throws<HoconParseException>(() => HoconParser.Parse(hocon, "deep.conf", s_isolated));

        Assert.Contains("nesting deeper than 512 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedBracketsFarPastTheLimit_ThrowsInsteadOfOverflowingTheStack()
    {
        string hocon = "a = " + new string('[', 200_000);

        HoconParseException ex = Assert.Throws<HoconParseException>(() => HoconParser.Parse(hocon, "deep.conf", s_isolated));

        Assert.Contains("nesting deeper than 512 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongSubstitutionChain_ThrowsInsteadOfOverflowingTheStack()
    {
        // a0 = ${a1}, a1 = ${a2}, ...: resolving a0 walks the whole chain before anything is memoized.
        string hocon = string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"a{i} = ${{a{i + 1}}}")) + "\na50000 = end";

        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.Parse(hocon, "chain.conf", s_isolated));

        Assert.Contains("substitutions nest too deeply", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ObjectsNestedThroughSubstitutions_ThrowsAtTheLimit()
    {
        // Each ai is one object deeper than the one before, without any deep nesting in the text.
        string hocon = "a0 = 1\n" + string.Join('\n', Enumerable.Range(1, 600).Select(i => $"a{i} = {{ x = ${{a{i - 1}}} }}"));

        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.Parse(hocon, "chain.conf", s_isolated));

        Assert.Contains("nests deeper than 512 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThousandsOfAppends_BuildsTheWholeArray()
    {
        // Each a += i refers to the value before it; the chain is resolved from its oldest end.
        string hocon = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"a += {i}"));

        HoconObject root = HoconParser.Parse(hocon, "appends.conf", s_isolated);

        var array = Assert.IsType<HoconArray>(root["a"]);
        Assert.Equal(5_000, array.Count);
        Assert.Equal("4999", ((HoconScalar)array[4_999]).Text);
    }

    [Fact]
    public void Parse_ArraysConcatenatedFromOneBase_StayIndependent()
    {
        HoconObject root = HoconParser.Parse("a = [1]\nb = ${a} [2]\nc = ${a} [3]\nd = ${b} [4]", "arrays.conf", s_isolated);

        Assert.Equal("{\"a\":[1],\"b\":[1,2],\"c\":[1,3],\"d\":[1,2,4]}", root.ToJson());
    }

    [Fact]
    public void Parse_ManyObjectDefinitionsBetweenSubstitutions_MergeInOrder()
    {
        string hocon = string.Join('\n', Enumerable.Range(0, 2_000).Select(i => $"a = ${{?x}}\na {{ k{i} = {i} }}"));

        HoconObject root = HoconParser.Parse(hocon, "merge.conf", s_isolated);

        var a = Assert.IsType<HoconObject>(root["a"]);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"k{i}"), a.Keys);
    }

    [Fact]
    public void Parse_DepthWithinCustomLimit_Succeeds()
    {
        var options = s_isolated with { MaxNestingDepth = 4 };

        HoconObject root = HoconParser.Parse("a { b { c = [1] } }", "ok.conf", options);

        Assert.Equal("{\"a\":{\"b\":{\"c\":[1]}}}", root.ToJson());
    }

    [Fact]
    public void Parse_KeyFollowedByValueWithoutSeparator_NamesOnlyTheFirstWord()
    {
        HoconParseException ex = Assert.Throws<HoconParseException>(() => HoconParser.Parse("user = u\npassword hunter2\n", "secret.conf", s_isolated));

        Assert.Equal("secret.conf:2:17: expected '=' ':' or '{' after key 'password ...', found end of line (is the '=' between the key and its value missing?)", ex.Message);
    }

    [Fact]
    public void Parse_SubstitutionError_DoesNotRevealTheValuesInvolved()
    {
        var options = s_isolated with { GetEnvironmentVariable = name => name == "API_PASSWORD" ? "hunter2" : null };

        HoconException ex = Assert.Throws<HoconException>(() => HoconParser.Parse("p = ${?API_PASSWORD}\nq = [1] ${p}", "secret.conf", options));

        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot concatenate an array and a string in the value of 'q'", ex.Message, StringComparison.Ordinal);
    }
}
