using System.Diagnostics;
using AuthActors.Configuration;
using FsCheck;
using FsCheck.Fluent;

namespace AuthActors.Tests.Configuration;

/// <summary>
/// Whatever the input, the reader either returns a value or throws <see cref="HoconException"/>,
/// and it does so quickly: no other exception, no hang, no stack overflow.
/// </summary>
public sealed class HoconFuzzTests
{
    private static readonly TimeSpan s_perInputLimit = TimeSpan.FromSeconds(2);

    private static readonly HoconParseOptions s_isolated = new()
    {
        GetEnvironmentVariable = name => name == "SET" ? "value" : null,
        ReadInclude = path => path.EndsWith("x.conf", StringComparison.Ordinal) ? "x = ${?y} [1]\nz { include \"x.conf\" }" : null,
    };

    // Pieces of HOCON syntax, so random input reaches deep into the parser and resolver.
    private static readonly string[] s_fragments =
    [
        "{", "}", "[", "]", "=", ":", ",", "\n", " ", "\t", "a", "b", "a.b", "\"q\"", "\"", "\"\"\"", "${a}", "${?a}",
        "${b.c}", "${?SET}", "${", "}", "1", "-2.5e3", "true", "null", "include ", "include \"x.conf\"", "required(",
        "file(", ")", "+=", "#", "//", "x", "\\", "-", ".", "$", "?", "5s", "\"\\u00e9\"", "\r\n",
    ];

    [Fact]
    public void Parse_RandomPrintableText_ThrowsNothingButHoconException()
    {
        Gen<string> text = Gen.Choose(0x20, 0x7E).Select(c => (char)c)
            .Or(Gen.Elements('\n', '\t', '\u00e9', '\u00a0'))
            .ArrayOf()
            .Select(chars => new string(chars));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(200), Prop.ForAll(Arb.From(text), ParsesOrThrowsHoconException));
    }

    [Fact]
    public void Parse_RandomHoconFragments_ThrowsNothingButHoconException()
    {
        Gen<string> text = Gen.Elements(s_fragments).ArrayOf().Select(parts => string.Concat(parts));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(120), Prop.ForAll(Arb.From(text), ParsesOrThrowsHoconException));
    }

    private static bool ParsesOrThrowsHoconException(string text)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            HoconObject root = HoconParser.Parse(text, "fuzz.conf", s_isolated);
            _ = HoconFlattener.Flatten(root);
            _ = root.ToJson();
        }
        catch (HoconException)
        {
            // The only exception bad input may produce.
        }

        return clock.Elapsed < s_perInputLimit;
    }
}
