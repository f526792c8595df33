using System.Text;
using AuthActors.Protocol;
using FsCheck;
using FsCheck.Fluent;

namespace AuthActors.Tests.Protocol;

/// <summary>
/// Properties of the RFC 7235 parser: formatting then parsing gives a challenge back, and no input
/// (random or mutated from real headers) makes any protocol parser throw or hang.
/// </summary>
public sealed class ChallengeParserPropertyTests
{
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Token68Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/";

    /// <summary>Structural characters weighted up so random input reaches deep parser states.</summary>
    private const string FuzzAlphabet = "\"\"\\\\,,,,===    \t\0\u0001\u001f\u007f\u0080\u00e9\u20ac\ud800/+-_.~:;abcDEFdigestrealmnonce0123";

    private static readonly string[] s_seeds =
    [
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
        "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
        "Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==, NTLM, Basic realm=\"x\", charset=\"UTF-8\"",
        "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        "nextnonce=\"abc\", qop=auth, rspauth=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", nc=00000001",
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    ];

    [Fact]
    public void FormatThenParse_GeneratedChallenges_GivesThemBack()
    {
        Arbitrary<AuthChallenge[]> challenges = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(ChallengeGen(), n)).ToArbitrary();

        Prop.ForAll(challenges, generated =>
        {
            string header = string.Join(", ", generated.Select(c => c.ToString()));
            ChallengeParseResult result = ChallengeParser.Parse(header);
            return result.IsSuccess
                && ChallengeSummary.Of(result.Challenges) == ChallengeSummary.Of(generated)
                && result.Challenges.Zip(generated).All(pair => pair.First.Scheme == pair.Second.Scheme);
        }).Label("format/parse round trip").Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void Parse_ArbitraryStrings_NeverThrowsAndIsConsistent()
    {
        // FsCheck's default string arbitrary shrinks a failing input to a small counterexample.
        Arbitrary<string> strings = ArbMap.Default.ArbFor<string>();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5_000), Prop.ForAll(strings, CheckEverything));
    }

    [Fact]
    public void Parse_FuzzAlphabetStrings_NeverThrowsAndIsConsistent()
    {
        Arbitrary<string> strings = Gen.Elements(FuzzAlphabet.ToCharArray()).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5_000), Prop.ForAll(strings, CheckEverything));
    }

    [Fact]
    public void Parse_OneMillionSeededRandomInputs_NeverThrows()
    {
        // Seeded for reproducibility; half the inputs are random over a structural alphabet,
        // half are real headers with a few random edits. Each is fed to every protocol parser.
        var random = new Random(7235);
        var buffer = new StringBuilder(256);
        int parsed = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            string input = (i & 1) == 0 ? RandomString(random, buffer) : Mutate(random, buffer);

            // Every input goes through the challenge parser; every 16th through all parsers and the
            // re-format check too, which keeps the test within a few seconds on a shared CI machine.
            bool consistent = i % 16 < 2 ? CheckEverything(input) : ParsesConsistently(input);
            if (!consistent)
            {
                Assert.Fail($"input #{i} broke a property: {input}");
            }

            parsed++;
        }

        Assert.Equal(1_000_000, parsed);
    }

    [Fact]
    public void Parse_LongPathologicalInputs_StayLinear()
    {
        // Inputs that would make a backtracking parser quadratic; each must still parse (or fail) at the limit.
        string[] inputs =
        [
            new string(',', ChallengeParser.MaxFieldLength),
            "Basic " + new string('=', ChallengeParser.MaxFieldLength - 6),
            "X " + string.Concat(Enumerable.Repeat("a=b, ", (ChallengeParser.MaxFieldLength / 6) - 1)),
            string.Concat(Enumerable.Repeat("A, ", ChallengeParser.MaxFieldLength / 3)),
            "X a=\"" + string.Concat(Enumerable.Repeat("\\\"", (ChallengeParser.MaxFieldLength / 2) - 4)),
            "X " + string.Concat(Enumerable.Repeat("a ", (ChallengeParser.MaxFieldLength / 2) - 2)),
            "X " + new string('a', ChallengeParser.MaxFieldLength - 2),
        ];

        foreach (string input in inputs)
        {
            Assert.True(input.Length <= ChallengeParser.MaxFieldLength, input.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(CheckEverything(input));
        }
    }

    private static bool ParsesConsistently(string input)
    {
        ChallengeParseResult result = ChallengeParser.Parse(input);
        return result.IsSuccess == (result.Error is null) && (!result.IsSuccess || result.Challenges.Count > 0);
    }

    /// <summary>
    /// Runs every parser; true when none threw and the results are self-consistent: the error is
    /// set exactly when not successful, and every parsed challenge formats and re-parses to itself.
    /// </summary>
    private static bool CheckEverything(string? input)
    {
        ChallengeParseResult result = ChallengeParser.Parse(input);
        if (result.IsSuccess != (result.Error is null) || (result.IsSuccess && result.Challenges.Count == 0))
        {
            return false;
        }

        foreach (AuthChallenge challenge in result.Challenges)
        {
            ChallengeParseResult again = ChallengeParser.Parse(challenge.ToString());
            if (!again.IsSuccess || again.Challenges.Count != 1 || ChallengeSummary.Of(again.Challenges[0]) != ChallengeSummary.Of(challenge))
            {
                return false;
            }

            _ = DigestChallenge.TryCreate(challenge, out _, out _);
            _ = ChallengeSelector.Rank(challenge, ChallengePolicy.Default, secureTransport: false, out _, out _);
        }

        _ = ChallengeSelector.Select(result.Challenges, ChallengePolicy.Default, secureTransport: true);
        bool credentialsParsed = DigestCredentials.TryParse(input, out DigestCredentials? credentials, out string? credentialsError);
        bool infoParsed = AuthenticationInfo.TryParse(input, out AuthenticationInfo? info, out string? infoError);
        _ = BasicAuthentication.TryParse(input, utf8: true, out _, out _);
        return (credentialsParsed ? credentials is not null : credentialsError is not null)
            && (infoParsed ? info is not null : infoError is not null);
    }

    private static string RandomString(Random random, StringBuilder buffer)
    {
        buffer.Clear();
        if (random.Next(4) == 0)
        {
            buffer.Append(random.Next(3) switch { 0 => "Digest ", 1 => "Basic ", _ => "digest " });
        }

        int length = random.Next(40);
        for (int i = 0; i < length; i++)
        {
            buffer.Append(random.Next(8) == 0 ? (char)random.Next(0x10000) : FuzzAlphabet[random.Next(FuzzAlphabet.Length)]);
        }

        return buffer.ToString();
    }

    private static string Mutate(Random random, StringBuilder buffer)
    {
        buffer.Clear().Append(s_seeds[random.Next(s_seeds.Length)]);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && buffer.Length > 0; e++)
        {
            int at = random.Next(buffer.Length);
            char c = random.Next(4) == 0 ? (char)random.Next(0x100) : FuzzAlphabet[random.Next(FuzzAlphabet.Length)];
            switch (random.Next(3))
            {
                case 0:
                    buffer[at] = c;
                    break;
                case 1:
                    buffer.Insert(at, c);
                    break;
                default:
                    buffer.Remove(at, 1 + random.Next(Math.Min(5, buffer.Length - at)));
                    break;
            }
        }

        return buffer.ToString();
    }

    private static Gen<string> TokenGen(int maxLength) =>
        Gen.Choose(1, maxLength).SelectMany(n => Gen.Elements(TokenChars.ToCharArray()).ArrayOf(n)).Select(chars => new string(chars));

    private static Gen<string> Token68Gen() =>
        from body in Gen.Choose(1, 24).SelectMany(n => Gen.Elements(Token68Chars.ToCharArray()).ArrayOf(n))
        from padding in Gen.Choose(0, 2)
        select new string(body) + new string('=', padding);

    /// <summary>Any character a quoted-string can carry: qdtext, '"' and '\' (escaped), obs-text.</summary>
    private static Gen<string> ValueGen()
    {
        Gen<char> printable = Gen.Choose(0x20, 0x7E).Select(i => (char)i);
        Gen<char> special = Gen.Elements('"', '\\', '\t', ' ', ',', '=', '\u00e9', '\u00ff', '\u20ac');
        Gen<char> any = Gen.Frequency((6, printable), (3, special));
        return Gen.OneOf(TokenGen(12), Gen.Choose(0, 20).SelectMany(n => any.ArrayOf(n)).Select(chars => new string(chars)));
    }

    private static Gen<AuthChallenge> ChallengeGen()
    {
        Gen<KeyValuePair<string, string>[]> parameters =
            Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Zip(TokenGen(8), ValueGen()), n))
                .Select(pairs => pairs
                    .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
                    .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))
                    .ToArray());

        Gen<AuthChallenge> withParameters = Gen.Zip(TokenGen(10), parameters, (scheme, list) => new AuthChallenge(scheme, list));
        Gen<AuthChallenge> withToken68 = Gen.Zip(TokenGen(10), Token68Gen(), (scheme, token) => new AuthChallenge(scheme, [], token));
        return Gen.Frequency((4, withParameters), (1, withToken68));
    }
}
