using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Protocol;

/// <summary>
/// Parses WWW-Authenticate / Proxy-Authenticate field values into <see cref="AuthChallenge"/>s
/// (RFC 7235 §2.1, §4.1, §4.3). One left-to-right pass with bounded look-ahead, so the cost is
/// linear in the input; it never throws on any input and reports what it could not parse.
/// </summary>
/// <remarks>
/// Grammar: <c>challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]</c> with several
/// challenges per field separated by commas. After a comma, <c>token BWS "="</c> continues the
/// current challenge's parameter list; anything else starts a new challenge. Deviations, all on
/// the lenient side: empty list elements are skipped, a parameter list may follow the scheme
/// after a comma (<c>Basic, realm="x"</c>), HTAB counts as SP, and an unquoted value may hold
/// any visible character except <c>, " \</c> (bare base64 nonces and URLs occur in the wild).
/// </remarks>
internal static class ChallengeParser
{
    /// <summary>A field value longer than this many characters is refused with an error. 16 KiB.</summary>
    public const int MaxFieldLength = 16 * 1024;

    /// <summary>A challenge with more parameters than this is refused with an error. 64.</summary>
    public const int MaxParameters = 64;

    /// <summary>Only the first few problems are spelled out; the count of the rest is given.</summary>
    private const int MaxReportedErrors = 8;

    /// <summary>Parses one field value. <see langword="null"/> or empty input yields an error, not an exception.</summary>
    public static ChallengeParseResult Parse(string? fieldValue)
    {
        var challenges = new List<AuthChallenge>(2);
        var errors = new ErrorList();
        ParseField(fieldValue ?? string.Empty, null, "challenge", challenges, errors);
        return new ChallengeParseResult(challenges, errors.ToMessage());
    }

    /// <summary>
    /// Parses several fields of the same header (RFC 9110 §5.3: equivalent to one comma-joined
    /// field, but each field is parsed on its own so a bad field does not spoil a good one).
    /// </summary>
    public static ChallengeParseResult Parse(IEnumerable<string> fieldValues)
    {
        ArgumentNullException.ThrowIfNull(fieldValues);
        var challenges = new List<AuthChallenge>(2);
        var errors = new ErrorList();
        int index = 0;
        foreach (string? field in fieldValues)
        {
            index++;
            ParseField(field ?? string.Empty, $"field #{index}", "challenge", challenges, errors);
        }

        if (index == 0)
        {
            errors.Add("no header field was given");
        }

        return new ChallengeParseResult(challenges, errors.ToMessage());
    }

    /// <summary>
    /// Parses a credentials value (<c>auth-scheme [ 1*SP ( token68 / #auth-param ) ]</c>, RFC 7235
    /// §2.1), which has the same grammar as a challenge. Exactly one item is expected.
    /// </summary>
    internal static bool TryParseCredentials(string? fieldValue, [NotNullWhen(true)] out AuthChallenge? credentials, [NotNullWhen(false)] out string? error)
    {
        var items = new List<AuthChallenge>(1);
        var errors = new ErrorList();
        ParseField(fieldValue ?? string.Empty, null, "credentials", items, errors);
        error = errors.ToMessage();
        if (error is null && items.Count != 1)
        {
            error = $"expected one set of credentials but found {items.Count}";
        }

        if (error is not null)
        {
            credentials = null;
            return false;
        }

        credentials = items[0];
        return true;
    }

    /// <summary>
    /// Parses a bare <c>#auth-param</c> list, the syntax of Authentication-Info (RFC 7615 §3).
    /// </summary>
    internal static bool TryParseParameterList(string? fieldValue, string label, out KeyValuePair<string, string>[] parameters, [NotNullWhen(false)] out string? error)
    {
        string field = fieldValue ?? string.Empty;
        parameters = [];
        if (field.Length > MaxFieldLength)
        {
            error = $"{label}: the field is {field.Length} characters long, over the {MaxFieldLength}-character limit";
            return false;
        }

        List<KeyValuePair<string, string>>? list = null;
        string? problem = null;
        int pos = 0;
        int n = field.Length;
        while (true)
        {
            pos = SkipWhitespaceAndCommas(field, pos);
            if (pos == n)
            {
                break;
            }

            if (!TryParseParameter(field, ref pos, new Location(null, label, 0, null), ref list, ref problem, out string name, out string? syntaxError))
            {
                error = syntaxError;
                return false;
            }

            pos = SkipWhitespace(field, pos);
            if (pos < n && field[pos] != ',')
            {
                error = $"{label}: expected ',' after parameter '{name}' but found {HttpSyntax.Describe(field[pos])} at offset {pos}";
                return false;
            }
        }

        if (problem is not null)
        {
            error = problem;
            return false;
        }

        parameters = list is null ? [] : [.. list];
        error = null;
        return true;
    }

    private static void ParseField(string field, string? fieldLabel, string itemLabel, List<AuthChallenge> output, ErrorList errors)
    {
        string fieldPrefix = fieldLabel is null ? "the field" : fieldLabel;
        if (field.Length > MaxFieldLength)
        {
            errors.Add($"{fieldPrefix} is {field.Length} characters long, over the {MaxFieldLength}-character limit; it was not parsed");
            return;
        }

        int n = field.Length;
        int pos = 0;
        int number = 0;
        while (true)
        {
            pos = SkipWhitespaceAndCommas(field, pos);
            if (pos == n)
            {
                break;
            }

            int start = pos;
            while (pos < n && HttpSyntax.IsTChar(field[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                errors.Add($"{fieldPrefix}: expected an auth-scheme at offset {pos} but found {HttpSyntax.Describe(field[pos])}; the rest of the field was skipped");
                return;
            }

            if (IsParameterAhead(field, start))
            {
                // Reached only after a token68 challenge or at the start of the field: a token68
                // closes its challenge (RFC 7235 §2.1), so there is nothing the parameter can join.
                errors.Add($"{fieldPrefix}: expected an auth-scheme at offset {start} but found parameter '{field[start..pos]}', which no challenge can take here (a token68 challenge has no parameters); the rest of the field was skipped");
                return;
            }

            number++;
            string scheme = field.Substring(start, pos - start);
            var where = new Location(fieldLabel, itemLabel, number, scheme);
            List<KeyValuePair<string, string>>? parameters = null;
            string? token68 = null;
            string? problem = null;
            string lastName = string.Empty;

            if (pos < n && field[pos] != ',')
            {
                if (!HttpSyntax.IsWhitespace(field[pos]))
                {
                    errors.Add($"{where}: expected a space or ',' after the auth-scheme but found {HttpSyntax.Describe(field[pos])} at offset {pos}; the rest of the field was skipped");
                    return;
                }

                pos = SkipWhitespace(field, pos);
                if (pos < n && field[pos] != ',')
                {
                    // token68 only when it is the whole challenge body: followed by the end or a comma.
                    int t = pos;
                    while (t < n && HttpSyntax.IsToken68Char(field[t]))
                    {
                        t++;
                    }

                    if (t > pos)
                    {
                        int end = t;
                        while (end < n && field[end] == '=')
                        {
                            end++;
                        }

                        int after = SkipWhitespace(field, end);
                        if (after == n || field[after] == ',')
                        {
                            token68 = field.Substring(pos, end - pos);
                            pos = after;
                        }
                    }

                    if (token68 is null)
                    {
                        if (!TryParseParameter(field, ref pos, where, ref parameters, ref problem, out lastName, out string? syntaxError))
                        {
                            errors.Add(syntaxError + "; the rest of the field was skipped");
                            return;
                        }
                    }
                }
            }

            // Here pos is at the end, at a comma, or just after a value.
            while (token68 is null)
            {
                pos = SkipWhitespace(field, pos);
                if (pos == n)
                {
                    break;
                }

                if (field[pos] != ',')
                {
                    errors.Add($"{where}: expected ',' after parameter '{lastName}' but found {HttpSyntax.Describe(field[pos])} at offset {pos}; the rest of the field was skipped");
                    return;
                }

                pos = SkipWhitespaceAndCommas(field, pos);
                if (pos == n || !IsParameterAhead(field, pos))
                {
                    break;
                }

                if (!TryParseParameter(field, ref pos, where, ref parameters, ref problem, out lastName, out string? syntaxError))
                {
                    errors.Add(syntaxError + "; the rest of the field was skipped");
                    return;
                }
            }

            if (problem is not null)
            {
                errors.Add(problem);
            }
            else
            {
                output.Add(AuthChallenge.FromParser(scheme, parameters is null ? [] : [.. parameters], token68));
            }
        }

        if (number == 0)
        {
            errors.Add($"{fieldPrefix} contains no {itemLabel} (RFC 7235 §4.1 requires at least one)");
        }
    }

    /// <summary>Look-ahead after a comma: <c>token BWS "="</c> means another parameter of the same challenge.</summary>
    private static bool IsParameterAhead(string field, int pos)
    {
        int q = pos;
        while (q < field.Length && HttpSyntax.IsTChar(field[q]))
        {
            q++;
        }

        if (q == pos)
        {
            return false;
        }

        q = SkipWhitespace(field, q);
        return q < field.Length && field[q] == '=';
    }

    /// <summary>
    /// <c>auth-param = token BWS "=" BWS ( token / quoted-string )</c>. A syntax error returns false
    /// (the caller stops); a semantic problem (repeated name, too many) is recorded in
    /// <paramref name="problem"/> and parsing goes on so later challenges are still found.
    /// </summary>
    private static bool TryParseParameter(
        string field,
        ref int pos,
        Location where,
        ref List<KeyValuePair<string, string>>? parameters,
        ref string? problem,
        out string name,
        [NotNullWhen(false)] out string? syntaxError)
    {
        int n = field.Length;
        int start = pos;
        while (pos < n && HttpSyntax.IsTChar(field[pos]))
        {
            pos++;
        }

        if (pos == start)
        {
            name = string.Empty;
            syntaxError = pos == n
                ? $"{where}: expected a parameter name at the end of the field"
                : $"{where}: expected a parameter name at offset {pos} but found {HttpSyntax.Describe(field[pos])}";
            return false;
        }

        name = field.Substring(start, pos - start);
        pos = SkipWhitespace(field, pos);
        if (pos == n || field[pos] != '=')
        {
            syntaxError = $"{where}: parameter '{name}' is missing '=' (found {(pos == n ? "the end of the field" : HttpSyntax.Describe(field[pos]))})";
            return false;
        }

        pos = SkipWhitespace(field, pos + 1);
        string value;
        if (pos == n)
        {
            syntaxError = $"{where}: parameter '{name}' has no value";
            return false;
        }

        if (field[pos] == '"')
        {
            if (!TryReadQuotedString(field, ref pos, out value, out string? reason))
            {
                syntaxError = $"{where}: parameter '{name}' {reason}";
                return false;
            }
        }
        else
        {
            int valueStart = pos;
            while (pos < n && HttpSyntax.IsLenientValueChar(field[pos]))
            {
                pos++;
            }

            if (pos == valueStart)
            {
                syntaxError = field[pos] == ','
                    ? $"{where}: parameter '{name}' has no value"
                    : $"{where}: parameter '{name}' has a value starting with {HttpSyntax.Describe(field[pos])}, which is neither a token nor a quoted-string";
                return false;
            }

            value = field.Substring(valueStart, pos - valueStart);
        }

        syntaxError = null;
        if (problem is not null)
        {
            return true;
        }

        parameters ??= new List<KeyValuePair<string, string>>(6);
        if (parameters.Count >= MaxParameters)
        {
            problem = $"{where}: more than {MaxParameters} parameters";
            return true;
        }

        foreach (KeyValuePair<string, string> existing in parameters)
        {
            if (string.Equals(existing.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                problem = $"{where}: parameter '{name}' occurs more than once (RFC 7235 §2.1: each name only once per challenge)";
                return true;
            }
        }

        parameters.Add(new KeyValuePair<string, string>(name, value));
        return true;
    }

    /// <summary>quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE; pos is at the opening quote.</summary>
    private static bool TryReadQuotedString(string field, ref int pos, out string value, out string? reason)
    {
        int n = field.Length;
        int open = pos;
        int i = pos + 1;
        int segment = i;
        System.Text.StringBuilder? unescaped = null;
        while (i < n)
        {
            char c = field[i];
            if (c == '"')
            {
                value = unescaped is null
                    ? field.Substring(segment, i - segment)
                    : unescaped.Append(field, segment, i - segment).ToString();
                pos = i + 1;
                reason = null;
                return true;
            }

            if (c == '\\')
            {
                if (i + 1 == n)
                {
                    value = string.Empty;
                    reason = "ends with a lone backslash inside its quoted-string";
                    return false;
                }

                char escaped = field[i + 1];
                if (!HttpSyntax.IsQuotedPairChar(escaped))
                {
                    value = string.Empty;
                    reason = $"has a control character {HttpSyntax.Describe(escaped)} after a backslash at offset {i + 1}";
                    return false;
                }

                unescaped ??= new System.Text.StringBuilder(i - segment + 16);
                unescaped.Append(field, segment, i - segment).Append(escaped);
                i += 2;
                segment = i;
                continue;
            }

            if (!HttpSyntax.IsQdText(c))
            {
                value = string.Empty;
                reason = $"has a control character {HttpSyntax.Describe(c)} at offset {i} inside its quoted-string";
                return false;
            }

            i++;
        }

        value = string.Empty;
        reason = $"has an unterminated quoted-string (opened at offset {open}, no closing '\"')";
        return false;
    }

    private static int SkipWhitespace(string field, int pos)
    {
        while (pos < field.Length && HttpSyntax.IsWhitespace(field[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>RFC 9110 §5.6.1: recipients accept and ignore empty list elements.</summary>
    private static int SkipWhitespaceAndCommas(string field, int pos)
    {
        while (pos < field.Length && (field[pos] == ',' || HttpSyntax.IsWhitespace(field[pos])))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>Names the place of a problem; formatted only when there is one.</summary>
    private readonly record struct Location(string? FieldLabel, string ItemLabel, int Number, string? Scheme)
    {
        public override string ToString() =>
            Scheme is null ? ItemLabel
            : FieldLabel is null ? $"{ItemLabel} #{Number} ({Scheme})"
            : $"{FieldLabel}, {ItemLabel} #{Number} ({Scheme})";
    }

    /// <summary>Collects problems; allocates nothing until the first one.</summary>
    private sealed class ErrorList
    {
        private List<string>? _errors;
        private int _count;

        public void Add(string error)
        {
            _count++;
            _errors ??= new List<string>(1);
            if (_errors.Count < MaxReportedErrors)
            {
                _errors.Add(error);
            }
        }

        public string? ToMessage()
        {
            if (_errors is null)
            {
                return null;
            }

            string message = string.Join("; ", _errors);
            return _count > _errors.Count ? $"{message}; and {_count - _errors.Count} more problem(s)" : message;
        }
    }
}
