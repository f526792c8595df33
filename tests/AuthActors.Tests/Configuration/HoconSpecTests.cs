using AuthActors.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>
/// The HOCON specification (Lightbend config, HOCON.md) as a table: each input with the JSON it
/// must equal. Expected JSON is written with single quotes for readability and compared
/// exactly (field order included: fields keep the order in which their keys first appear).
/// </summary>
public sealed class HoconSpecTests
{
    private static readonly HoconParseOptions s_isolated = new()
    {
        GetEnvironmentVariable = _ => null,
        ReadInclude = _ => null,
    };

    public static TheoryData<string, string> Cases => new()
    {
        // HOCON.md "Comments": '#' or '//' to the end of the line, not inside quoted strings.
        { "a = 1 # comment", "{'a':1}" },
        { "a = 1 // comment", "{'a':1}" },
        { "# only a comment\na = 1", "{'a':1}" },
        { "a = \"x # not // a comment\"", "{'a':'x # not // a comment'}" },
        { "a = foo//bar", "{'a':'foo'}" },
        { "a = foo#bar", "{'a':'foo'}" },

        // HOCON.md "Omit root braces": without a leading '{' the file is one object; JSON is HOCON.
        { "{ a = 1 }", "{'a':1}" },
        { "", "{}" },
        { "  \n# nothing\n", "{}" },
        { "{}", "{}" },
        { "{\"a\": {\"b\": [1, 2.5, true, null, \"s\"]}}", "{'a':{'b':[1,2.5,true,null,'s']}}" },

        // HOCON.md "Key-value separator": '=' or ':'; before '{' the separator may be left out.
        { "a : 1", "{'a':1}" },
        { "a { b = 1 }", "{'a':{'b':1}}" },
        { "\"a\" : { }", "{'a':{}}" },
        { "a =\n  1", "{'a':1}" },

        // HOCON.md "Commas": a newline separates like a comma; one trailing comma is ignored.
        { "a = [1,2,3,]", "{'a':[1,2,3]}" },
        { "a = [1\n2\n3]", "{'a':[1,2,3]}" },
        { "a = 1, b = 2,", "{'a':1,'b':2}" },
        { "a = 1\nb = 2", "{'a':1,'b':2}" },
        { "{ a = 1, }", "{'a':1}" },

        // HOCON.md "Whitespace": Unicode space separators (here a no-break space) and CR count as whitespace.
        { "a\t=\u00A01\r\nb = 2", "{'a':1,'b':2}" },

        // HOCON.md "Duplicate keys": later wins unless both are objects, which merge recursively.
        { "foo : { a : 42 }, foo : { b : 43 }", "{'foo':{'a':42,'b':43}}" },
        { "foo : { a : 42 }, foo : null, foo : { b : 43 }", "{'foo':{'b':43}}" },
        { "a = 1, a = 2", "{'a':2}" },
        { "a = { x = 1 }, a = 5", "{'a':5}" },
        { "a { x { y = 1 } }\na { x { z = 2 } }", "{'a':{'x':{'y':1,'z':2}}}" },
        { "a = [1], a = [2]", "{'a':[2]}" },

        // HOCON.md "Unquoted strings": true/false/null/numbers only at the start; '.', '-', '/' allowed.
        { "a = foo", "{'a':'foo'}" },
        { "a = foo.bar-baz_1/2", "{'a':'foo.bar-baz_1/2'}" },
        { "a = truefoo", "{'a':'truefoo'}" },
        { "a = footrue", "{'a':'footrue'}" },
        { "a = 10.0bar", "{'a':'10.0bar'}" },
        { "a = include", "{'a':'include'}" },
        { "a = [ include ]", "{'a':['include']}" },

        // HOCON.md "String value concatenation": whitespace between simple values is kept, around them dropped.
        { "a = foo bar", "{'a':'foo bar'}" },
        { "a =  foo   bar  baz  ", "{'a':'foo   bar  baz'}" },
        { "a = \"foo\" bar", "{'a':'foo bar'}" },
        { "a = x\"y\"z", "{'a':'xyz'}" },
        { "a = 1 2 3", "{'a':'1 2 3'}" },
        { "a = true false null", "{'a':'true false null'}" },
        { "a = [ 1 2 3 4 ]", "{'a':['1 2 3 4']}" },
        { "a b c : 42", "{'a b c':42}" },

        // Duration and size formats are strings to the reader (HOCON.md "Duration format", "Size in bytes format").
        { "a = 5s, b = 1MiB, c = 1.5 minutes, d = 512k, e = 100ms", "{'a':'5s','b':'1MiB','c':'1.5 minutes','d':'512k','e':'100ms'}" },

        // HOCON.md "Array and object concatenation".
        { "a : [ 1, 2 ] [ 3, 4 ]", "{'a':[1,2,3,4]}" },
        { "a : { b : 1 } { c : 2 }", "{'a':{'b':1,'c':2}}" },
        { "a = [ [ 1, 2 ] [ 3, 4 ] ]", "{'a':[[1,2,3,4]]}" },
        { "a = [ [ 1, 2 ]\n  [ 3, 4 ] ]", "{'a':[[1,2],[3,4]]}" },
        { "generic = { cluster-size = 6 }\neast = ${generic} { name = \"east\" }", "{'generic':{'cluster-size':6},'east':{'cluster-size':6,'name':'east'}}" },
        { "path = [ /bin ]\npath = ${path} [ /usr/bin ]", "{'path':['/bin','/usr/bin']}" },

        // HOCON.md "Multi-line strings": no escapes; extra quotes before the closing three belong to the string.
        { "a = \"\"\"line1\nline2\"\"\"", "{'a':'line1\\nline2'}" },
        { "a = \"\"\"no \\n escape\"\"\"", "{'a':'no \\\\n escape'}" },
        { "a = \"\"\"foo\"\"\"\"", "{'a':'foo\\\"'}" },
        { "a = \"\"\"say \"hi\" # not a comment\"\"\"", "{'a':'say \\\"hi\\\" # not a comment'}" },

        // HOCON.md "Unchanged from JSON": quoted strings take JSON escapes.
        { "a = \"t\\tA\\u0041 \\\"q\\\" \\\\ \\/\"", "{'a':'t\\tAA \\\"q\\\" \\\\ /'}" },

        // Numbers, booleans, null (JSON number format; a number keeps the text it was written with).
        { "a = 1, b = -2.5, c = 1e5, d = 1E-3, e = 0", "{'a':1,'b':-2.5,'c':1e5,'d':1E-3,'e':0}" },
        { "a = true, b = false, c = null", "{'a':true,'b':false,'c':null}" },
        { "a = 1.2.3", "{'a':'1.2.3'}" },
        { "a = 2024-01-31", "{'a':'2024-01-31'}" },

        // HOCON.md "Path expressions" and "Paths as keys".
        { "a.b.c = 1", "{'a':{'b':{'c':1}}}" },
        { "\"a.b\".c = 1", "{'a.b':{'c':1}}" },
        { "a.\"\".b = 1", "{'a':{'':{'b':1}}}" },
        { "a.x : 42, a.y : 43", "{'a':{'x':42,'y':43}}" },
        { "true : 42", "{'true':42}" },
        { "3 : 42", "{'3':42}" },
        { "3.14 : 42", "{'3':{'14':42}}" },
        { "10.0foo : 1", "{'10':{'0foo':1}}" },
        { "foo10.0 : 1", "{'foo10':{'0':1}}" },
        { "foo\"10.0\" : 1", "{'foo10.0':1}" },
        { "1.2.3 = x", "{'1':{'2':{'3':'x'}}}" },
        { "{ foo include : 42 }", "{'foo include':42}" },
        { "\"include\" : 42", "{'include':42}" },
        { "a.b = 1, a { c = 2 }", "{'a':{'b':1,'c':2}}" },

        // HOCON.md "Substitutions": absolute paths, resolved after parsing, so they may look forward.
        { "a = 1, b = ${a}", "{'a':1,'b':1}" },
        { "b = ${a}, a = 1", "{'b':1,'a':1}" },
        { "a { x = 1 }, b = ${a.x}", "{'a':{'x':1},'b':1}" },
        { "a = foo, b = ${a} bar", "{'a':'foo','b':'foo bar'}" },
        { "a = foo, b = ${a}\" is my favorite\"", "{'a':'foo','b':'foo is my favorite'}" },
        { "a = 42, b = ${a}", "{'a':42,'b':42}" },
        { "a = [1, 2], b = ${a}", "{'a':[1,2],'b':[1,2]}" },
        { "a { x = 1 }, a { x = 2 }, b = ${a.x}", "{'a':{'x':2},'b':2}" },
        { "a = \"${not.a.substitution}\"", "{'a':'${not.a.substitution}'}" },
        { "a = null, b = ${a} x", "{'a':null,'b':'null x'}" },
        { "a = [1], b = ${a}, a += 2", "{'a':[1,2],'b':[1,2]}" },
        { "bar : { foo : 42, baz : ${bar.foo} }", "{'bar':{'foo':42,'baz':42}}" },
        { "bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }", "{'bar':{'foo':43,'baz':43}}" },
        { "bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4", "{'bar':{'a':4,'b':3},'foo':{'c':3,'d':4}}" },
        { "foo : ${does-not-exist}\nfoo : 42", "{'foo':42}" },

        // HOCON.md "Substitutions": an undefined ${?x} creates no field, adds no element, keeps the earlier value.
        { "a = ${?missing}", "{}" },
        { "a = 1, a = ${?missing}", "{'a':1}" },
        { "a = [1, ${?missing}, 2]", "{'a':[1,2]}" },
        { "a = x${?missing}y", "{'a':'xy'}" },
        { "a = ${?m1}${?m2}", "{}" },
        { "a = [1] ${?missing}", "{'a':[1]}" },
        { "a { b = ${?missing} }", "{'a':{}}" },

        // HOCON.md "Self-Referential Substitutions": a field may build on its own earlier value.
        { "path : \"a:b:c\"\npath : ${path}\":d\"", "{'path':'a:b:c:d'}" },
        { "foo : { a : 1 }\nfoo : ${foo}", "{'foo':{'a':1}}" },
        { "foo : ${?foo}", "{}" },
        { "a = ${?a}foo", "{'a':'foo'}" },
        { "foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }", "{'foo':{'a':2,'c':1}}" },
        { "path = [a]\npath = ${?path} [b]", "{'path':['a','b']}" },
        { "path = ${?path} [x]", "{'path':['x']}" },
        { "a.b = 1\na.b = ${a.b}0", "{'a':{'b':'10'}}" },
        { "a { b = x }\na { b = ${a.b}y }", "{'a':{'b':'xy'}}" },
        { "foo : ${foo}, foo : 42", "{'foo':42}" },
        { "a : 1\nb : 2\na : ${b}\nb : ${a}", "{'a':1,'b':1}" },

        // HOCON.md "The += field separator": a += b is a = ${?a} [b].
        { "a += 1", "{'a':[1]}" },
        { "a = [1]\na += 2\na += 3", "{'a':[1,2,3]}" },
        { "a { b += x }\na.b += y", "{'a':{'b':['x','y']}}" },
        { "a += { x = 1 }", "{'a':[{'x':1}]}" },
        { "a = [ { b += 1, b += 2 } ]", "{'a':[{'b':[1,2]}]}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_SpecCase_EqualsJson(string hocon, string expectedJson)
    {
        HoconObject root = HoconParser.Parse(hocon, "spec.conf", s_isolated);

        Assert.Equal(expectedJson.Replace('\'', '"'), root.ToJson());
    }

    public static TheoryData<string, string> EnvironmentCases => new()
    {
        // HOCON.md "Substitution fallback to environment variables": only when the path is absent.
        { "a = ${?HOME_DIR}", "{'a':'/srv/u'}" },
        { "a = ${HOME_DIR}/x", "{'a':'/srv/u/x'}" },
        { "password = ${?API_PASSWORD}", "{'password':'s3cret'}" },
        { "HOME_DIR = null, a = ${?HOME_DIR}", "{'HOME_DIR':null,'a':null}" },
        { "HOME_DIR = here, a = ${HOME_DIR}", "{'HOME_DIR':'here','a':'here'}" },
        { "a = ${?UNSET}", "{}" },
        { "a = 1, a = ${?UNSET}", "{'a':1}" },
        { "a = [x, ${?UNSET}, ${?HOME_DIR}]", "{'a':['x','/srv/u']}" },
        { "a = ${?EMPTY}", "{'a':''}" },
        { "HOME_DIR = ${HOME_DIR}/sub", "{'HOME_DIR':'/srv/u/sub'}" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentCases))]
    public void Parse_OptionalEnvironmentSubstitution_EqualsJson(string hocon, string expectedJson)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME_DIR"] = "/srv/u",
            ["API_PASSWORD"] = "s3cret",
            ["EMPTY"] = "",
        };
        var options = s_isolated with { GetEnvironmentVariable = name => environment.GetValueOrDefault(name) };

        HoconObject root = HoconParser.Parse(hocon, "env.conf", options);

        Assert.Equal(expectedJson.Replace('\'', '"'), root.ToJson());
    }
}
