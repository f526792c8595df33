using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>RFC 7235 §2.1 challenge parsing: real-world tables, hostile tables, limits and fields.</summary>
public sealed class ChallengeParserTests
{
    public static TheoryData<string, string, string> RealWorldChallenges => new()
    {
        {
            "Apache mod_auth_digest",
            "Digest realm=\"private area\", nonce=\"R0iBz2ZBBQA=6c3c68b4e6b6f44c3e3e0bb7a6c6ac6c9e2c4d83\", algorithm=MD5, domain=\"/private/ http://mirror.example/private2/\", qop=\"auth\"",
            "Digest{realm=private area;nonce=R0iBz2ZBBQA=6c3c68b4e6b6f44c3e3e0bb7a6c6ac6c9e2c4d83;algorithm=MD5;domain=/private/ http://mirror.example/private2/;qop=auth}"
        },
        {
            "Apache stale",
            "Digest realm=\"private area\", nonce=\"bmV3bm9uY2U=\", algorithm=MD5, qop=\"auth\", stale=true",
            "Digest{realm=private area;nonce=bmV3bm9uY2U=;algorithm=MD5;qop=auth;stale=true}"
        },
        {
            "lighttpd with charset and SHA-256",
            "Digest realm=\"download archiv\", charset=\"UTF-8\", algorithm=SHA-256, nonce=\"5f3a3c8b:6de0ba6d9d1a5b1c\", qop=\"auth\"",
            "Digest{realm=download archiv;charset=UTF-8;algorithm=SHA-256;nonce=5f3a3c8b:6de0ba6d9d1a5b1c;qop=auth}"
        },
        {
            "Squid proxy",
            "Digest realm=\"Squid proxy-caching web server\", nonce=\"Bd0hXQAAAAAg1aeiDL2zqg\", qop=\"auth\", stale=false",
            "Digest{realm=Squid proxy-caching web server;nonce=Bd0hXQAAAAAg1aeiDL2zqg;qop=auth;stale=false}"
        },
        {
            "IIS style: no spaces, MD5-sess, bare charset",
            "Digest qop=\"auth\",algorithm=MD5-sess,nonce=\"+Upgraded+v1b2c3d4e5\",charset=utf-8,realm=\"Digest\"",
            "Digest{qop=auth;algorithm=MD5-sess;nonce=+Upgraded+v1b2c3d4e5;charset=utf-8;realm=Digest}"
        },
        {
            "IIS style: Negotiate and NTLM in one field",
            "Negotiate, NTLM",
            "Negotiate | NTLM"
        },
        {
            "Negotiate token68",
            "Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==",
            "Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg=="
        },
        {
            "RFC 7235 §4.1 example",
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
            "Newauth{realm=apps;type=1;title=Login to \"apps\"} | Basic{realm=simple}"
        },
        {
            "RFC 7617 §2.1 Basic with charset",
            "Basic realm=\"foo\", charset=\"UTF-8\"",
            "Basic{realm=foo;charset=UTF-8}"
        },
        {
            "RFC 7616 §3.9.1 two Digest challenges in one field",
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            "Digest{realm=http-auth@example.org;qop=auth, auth-int;algorithm=SHA-256;nonce=7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v;opaque=FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS} | Digest{realm=http-auth@example.org;qop=auth, auth-int;algorithm=MD5;nonce=7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v;opaque=FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS}"
        },
        {
            "Basic then Digest in one field",
            "Basic realm=\"simple\", Digest realm=\"d\", nonce=\"n\", qop=\"auth\"",
            "Basic{realm=simple} | Digest{realm=d;nonce=n;qop=auth}"
        },
        {
            "lower-case scheme",
            "digest realm=\"x\", nonce=\"y\"",
            "digest{realm=x;nonce=y}"
        },
        {
            "stale=TRUE upper case",
            "Digest realm=\"x\", nonce=\"y\", stale=TRUE",
            "Digest{realm=x;nonce=y;stale=TRUE}"
        },
        {
            "stale quoted",
            "Digest realm=\"x\", nonce=\"y\", stale=\"true\"",
            "Digest{realm=x;nonce=y;stale=true}"
        },
        {
            "quoted algorithm",
            "Digest realm=\"x\", nonce=\"y\", algorithm=\"MD5\"",
            "Digest{realm=x;nonce=y;algorithm=MD5}"
        },
        {
            "qop list without spaces",
            "Digest realm=\"x\", nonce=\"y\", qop=\"auth,auth-int\"",
            "Digest{realm=x;nonce=y;qop=auth,auth-int}"
        },
        {
            "qop list with odd spaces",
            "Digest realm=\"x\", nonce=\"y\", qop=\" auth ,  auth-int \"",
            "Digest{realm=x;nonce=y;qop= auth ,  auth-int }"
        },
        {
            "empty list elements everywhere",
            ", ,Basic realm=\"x\",, ,Digest realm=\"y\",,nonce=\"z\",",
            "Basic{realm=x} | Digest{realm=y;nonce=z}"
        },
        {
            "bad whitespace around '=' (BWS)",
            "Digest realm = \"x\" , nonce= \"y\"\t,\tqop =auth",
            "Digest{realm=x;nonce=y;qop=auth}"
        },
        {
            "bare base64 nonce with '/' and '='",
            "Digest realm=x, nonce=ab/cd+ef==",
            "Digest{realm=x;nonce=ab/cd+ef==}"
        },
        {
            "Bearer with error parameters",
            "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"",
            "Bearer{realm=example;error=invalid_token;error_description=The access token expired}"
        },
        {
            "scheme alone",
            "Basic",
            "Basic"
        },
        {
            "parameter list after a comma (lenient)",
            "Basic, realm=\"x\"",
            "Basic{realm=x}"
        },
        {
            "empty quoted value and escaped backslash",
            "Custom a=\"\", b=\"c\\\\d\"",
            "Custom{a=;b=c\\d}"
        },
        {
            "obs-text (ISO-8859-1 decoded) in a quoted value",
            "Digest realm=\"Caf\u00e9\", nonce=\"n\"",
            "Digest{realm=Caf\u00e9;nonce=n}"
        },
        {
            "a bare token after a comma is a new challenge (RFC 7235 §2.1)",
            "Digest realm=\"x\", nonce",
            "Digest{realm=x} | nonce"
        },
        {
            "'name=' alone is a token68, not an empty parameter",
            "Digest realm=",
            "Digest realm="
        },
        {
            "token68 followed by another challenge",
            "Negotiate abc=, Basic realm=\"x\"",
            "Negotiate abc= | Basic{realm=x}"
        },
    };

    public static TheoryData<string, string> HostileChallenges => new()
    {
        { "Digest realm=\"abc", "unterminated quoted-string" },
        { "Digest realm=\"abc\", nonce=\"def", "parameter 'nonce' has an unterminated quoted-string" },
        { "Digest realm \"abc\"", "parameter 'realm' is missing '='" },
        { "Digest realm=\"a\", REALM=\"b\"", "parameter 'REALM' occurs more than once" },
        { "Digest realm=\"a\\", "lone backslash" },
        { "Digest realm=\"a\0b\"", "control character U+0000" },
        { "Digest realm=\"a\u0001b\"", "control character U+0001" },
        { "Digest realm=\"a\u007fb\"", "control character U+007F" },
        { "Digest realm=\"a\\\u0000\"", "control character U+0000 after a backslash" },
        { "\0Digest realm=\"a\"", "expected an auth-scheme at offset 0 but found U+0000" },
        { "Digest realm=a\0", "expected ',' after parameter 'realm' but found U+0000" },
        { ",,,", "contains no challenge" },
        { " , ,\t, ", "contains no challenge" },
        { "", "contains no challenge" },
        { "Digest nonce=\"x\", realm=, qop=auth", "parameter 'realm' has no value" },
        { "Digest nonce=\"x\", realm=", "parameter 'realm' has no value" },
        { "Digest realm=, nonce=\"x\"", "found parameter 'nonce', which no challenge can take here" },
        { "realm=\"x\"", "expected an auth-scheme at offset 0 but found parameter 'realm'" },
        { "Digest (x)", "challenge #1 (Digest): expected a parameter name at offset 7 but found '('" },
        { "Digest =x", "found parameter 'Digest'" },
        { "Digest realm=\"x\", =y", "expected an auth-scheme at offset 18 but found '='" },
        { "Digest realm=\"x\" nonce=\"y\"", "expected ',' after parameter 'realm' but found 'n'" },
        { "\"Digest\"", "expected an auth-scheme at offset 0 but found '\"'" },
        { "Digest/1 realm=x", "expected a space or ',' after the auth-scheme but found '/'" },
        { "Basic abc==, realm=x", "found parameter 'realm', which no challenge can take here" },
        { "Digest realm=\"x\", nonce=\"y\"z", "expected ',' after parameter 'nonce' but found 'z'" },
        { "Digest realm=\\x", "neither a token nor a quoted-string" },
    };

    [Theory]
    [MemberData(nameof(RealWorldChallenges))]
    public void Parse_RealWorldChallenge_GivesExpectedChallenges(string label, string header, string expected)
    {
        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.True(result.IsSuccess, $"{label}: {result.Error}");
        Assert.Equal(expected, ChallengeSummary.Of(result.Challenges));
    }

    [Theory]
    [MemberData(nameof(HostileChallenges))]
    public void Parse_HostileInput_ReportsSpecificReason(string header, string reason)
    {
        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.False(result.IsSuccess);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ReportsNoChallenge()
    {
        ChallengeParseResult result = ChallengeParser.Parse((string?)null);

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Challenges);
        Assert.Contains("contains no challenge", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FieldOneOverLimit_IsRefusedWithLength()
    {
        string header = "Basic realm=\"" + new string('x', ChallengeParser.MaxFieldLength - 13) + "\"";

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.Equal(ChallengeParser.MaxFieldLength + 1, header.Length);
        Assert.False(result.IsSuccess);
        Assert.Empty(result.Challenges);
        Assert.Contains("16385 characters long, over the 16384-character limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FieldExactlyAtLimit_IsParsed()
    {
        string header = "Basic realm=\"" + new string('x', ChallengeParser.MaxFieldLength - 14) + "\"";

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.Equal(ChallengeParser.MaxFieldLength, header.Length);
        Assert.True(result.IsSuccess, result.Error);
        Assert.Single(result.Challenges);
    }

    [Fact]
    public void Parse_SixtyFiveParameters_IsRefused()
    {
        string header = "Custom " + string.Join(", ", Enumerable.Range(1, 65).Select(i => $"p{i}=v"));

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Challenges);
        Assert.Contains("challenge #1 (Custom): more than 64 parameters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SixtyFourParameters_IsAccepted()
    {
        string header = "Custom " + string.Join(", ", Enumerable.Range(1, 64).Select(i => $"p{i}=v"));

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(64, result.Challenges[0].Parameters.Count);
    }

    [Fact]
    public void Parse_TooManyParametersThenGoodChallenge_KeepsTheGoodOne()
    {
        string header = "Custom " + string.Join(", ", Enumerable.Range(1, 70).Select(i => $"p{i}=v")) + ", Basic realm=\"ok\"";

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.False(result.IsSuccess);
        Assert.Equal("Basic{realm=ok}", ChallengeSummary.Of(result.Challenges));
    }

    [Fact]
    public void Parse_SyntaxErrorAfterGoodChallenge_KeepsTheGoodOne()
    {
        ChallengeParseResult result = ChallengeParser.Parse("Basic realm=\"ok\", Digest realm=\"broken");

        Assert.False(result.IsSuccess);
        Assert.Contains("challenge #2 (Digest): parameter 'realm' has an unterminated quoted-string", result.Error, StringComparison.Ordinal);
        Assert.Equal("Basic{realm=ok}", ChallengeSummary.Of(result.Challenges));
    }

    [Fact]
    public void Parse_SeveralFields_KeepsOrderAcrossFields()
    {
        string[] fields = ["Negotiate", "Digest realm=\"a\", nonce=\"n\", algorithm=SHA-256", "Basic realm=\"b\""];

        ChallengeParseResult result = ChallengeParser.Parse(fields);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Negotiate | Digest{realm=a;nonce=n;algorithm=SHA-256} | Basic{realm=b}", ChallengeSummary.Of(result.Challenges));
    }

    [Fact]
    public void Parse_BadFieldBetweenGoodFields_KeepsGoodFieldsAndNamesTheBadOne()
    {
        string[] fields = ["Basic realm=\"a\"", "Digest realm=\"x\", realm=\"y\", nonce=\"n\"", "Digest realm=\"b\", nonce=\"m\""];

        ChallengeParseResult result = ChallengeParser.Parse(fields);

        Assert.False(result.IsSuccess);
        Assert.Equal("field #2, challenge #1 (Digest): parameter 'realm' occurs more than once (RFC 7235 §2.1: each name only once per challenge)", result.Error);
        Assert.Equal("Basic{realm=a} | Digest{realm=b;nonce=m}", ChallengeSummary.Of(result.Challenges));
    }

    [Fact]
    public void Parse_OversizedFieldAmongOthers_NamesTheField()
    {
        string[] fields = ["Basic realm=\"a\"", new string('x', ChallengeParser.MaxFieldLength + 1)];

        ChallengeParseResult result = ChallengeParser.Parse(fields);

        Assert.Single(result.Challenges);
        Assert.StartsWith("field #2 is 16385 characters long", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFields_ReportsIt()
    {
        ChallengeParseResult result = ChallengeParser.Parse(Array.Empty<string>());

        Assert.False(result.IsSuccess);
        Assert.Equal("no header field was given", result.Error);
    }

    [Fact]
    public void Parse_ManyBadChallenges_CapsTheMessage()
    {
        string header = string.Join(", ", Enumerable.Range(0, 20).Select(_ => "X a=1, a=2"));

        ChallengeParseResult result = ChallengeParser.Parse(header);

        Assert.EndsWith("and 12 more problem(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetParameter_OtherCase_FindsIt()
    {
        AuthChallenge challenge = ChallengeParser.Parse("Digest Realm=\"x\"").Challenges[0];

        Assert.True(challenge.TryGetParameter("REALM", out string? value));
        Assert.Equal("x", value);
        Assert.Null(challenge.GetParameter("nonce"));
        Assert.True(challenge.IsScheme("DIGEST"));
        Assert.False(challenge.IsScheme("Basic"));
    }

    [Theory]
    [InlineData("Basic realm=\"simple\"", "Basic realm=simple")]
    [InlineData("Digest realm=\"a b\", nonce=\"n\"", "Digest realm=\"a b\", nonce=n")]
    [InlineData("Newauth title=\"Login to \\\"apps\\\"\"", "Newauth title=\"Login to \\\"apps\\\"\"")]
    [InlineData("Custom a=\"\"", "Custom a=\"\"")]
    [InlineData("Negotiate abc==", "Negotiate abc==")]
    [InlineData("NTLM", "NTLM")]
    [InlineData("Digest nonce=ab/cd", "Digest nonce=\"ab/cd\"")]
    public void ToString_ParsedChallenge_FormatsHeaderSyntax(string header, string expected)
    {
        AuthChallenge challenge = ChallengeParser.Parse(header).Challenges[0];

        Assert.Equal(expected, challenge.ToString());
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        KeyValuePair<string, string>[] parameters = [new("realm", "a"), new("Realm", "b")];

        ArgumentException error = Assert.Throws<ArgumentException>(() => new AuthChallenge("Basic", parameters));

        Assert.Contains("'Realm' occurs twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Scheme")]
    [InlineData("")]
    [InlineData("Digest\"")]
    public void Constructor_SchemeNotAToken_Throws(string scheme)
    {
        Assert.Throws<ArgumentException>(() => new AuthChallenge(scheme, []));
    }

    [Fact]
    public void Constructor_Token68AndParameters_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AuthChallenge("X", [new("a", "b")], "abc"));
    }

    [Fact]
    public void Constructor_CopiesParameters()
    {
        var parameters = new List<KeyValuePair<string, string>> { new("realm", "a") };
        var challenge = new AuthChallenge("Basic", parameters);

        parameters.Add(new("charset", "UTF-8"));

        Assert.Single(challenge.Parameters);
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("\0")]
    [InlineData("\u007f")]
    public void Constructor_ControlCharacterInValue_Throws(string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new AuthChallenge("Basic", [new("realm", value)]));

        Assert.Contains("'realm' contains a control character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_CannotBeChangedThroughACast()
    {
        AuthChallenge challenge = ChallengeParser.Parse("Basic realm=\"a\"").Challenges[0];

        Assert.IsNotType<KeyValuePair<string, string>[]>(challenge.Parameters);
        Assert.Throws<NotSupportedException>(() => ((IList<KeyValuePair<string, string>>)challenge.Parameters)[0] = new("realm", "b"));
        Assert.Equal("a", challenge.GetParameter("realm"));
    }

    [Fact]
    public void Challenges_CannotBeChangedThroughACast()
    {
        ChallengeParseResult result = ChallengeParser.Parse("Basic realm=\"a\"");

        Assert.IsNotType<List<AuthChallenge>>(result.Challenges);
    }
}
