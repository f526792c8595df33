using System.Text;

namespace AuthActors.Configuration;

/// <summary>
/// Parses one file's tokens into the shared tree of <see cref="HoconObjectNode"/>s. Fields are
/// written straight into the object they belong to, so duplicate keys, dotted keys and
/// included files all merge the way HOCON.md "Duplicate keys" describes, and a
/// self-referential substitution can capture the field's earlier value as it is parsed.
/// </summary>
internal sealed partial class HoconDocumentParser
{
    private readonly HoconParseSession _session;
    private readonly List<HoconToken> _tokens;
    private readonly string _fileName;
    private readonly string _baseDirectory;
    private readonly string[] _includePrefix;
    private int _pos;

    public HoconDocumentParser(HoconParseSession session, List<HoconToken> tokens, string fileName, string baseDirectory, string[] includePrefix)
    {
        _session = session;
        _tokens = tokens;
        _fileName = fileName;
        _baseDirectory = baseDirectory;
        _includePrefix = includePrefix;
    }

    /// <summary>
    /// HOCON.md "Omit root braces": a document that does not start with '{' or '[' is read as
    /// if it were wrapped in braces. The root must be an object (an included file too).
    /// </summary>
    /// <param name="target">The object the document's fields go into.</param>
    /// <param name="absolutePath">Where <paramref name="target"/> is in the whole configuration, or null inside an array or concatenation.</param>
    /// <param name="displayPath">Where <paramref name="target"/> is, for messages.</param>
    public void ParseDocument(HoconObjectNode target, string[]? absolutePath, string displayPath)
    {
        SkipWhitespaceAndNewlines();
        HoconToken first = Peek();
        if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(first, "the root of a HOCON document must be an object, found an array");
        }

        var context = new ObjectContext(target, absolutePath, displayPath);
        if (first.Kind == HoconTokenKind.OpenBrace)
        {
            _pos++;
            _session.Enter(_fileName, first.Line, first.Column);
            ParseObjectBody(context, first);
            _session.Exit();
            SkipWhitespaceAndNewlines();
            HoconToken after = Peek();
            if (after.Kind != HoconTokenKind.End)
            {
                throw Error(after, $"expected the end of the input after the root object's closing '}}', found {after.Describe()}");
            }
        }
        else
        {
            ParseObjectBody(context, open: null);
        }
    }

    /// <summary>
    /// HOCON.md "Commas": fields are separated by a comma or a newline; one trailing comma is
    /// allowed, a leading comma or two in a row are errors.
    /// </summary>
    private void ParseObjectBody(ObjectContext context, HoconToken? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            HoconToken token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.End:
                    if (open is not null)
                    {
                        throw Unclosed(open, token);
                    }

                    return;
                case HoconTokenKind.CloseBrace:
                    if (open is null)
                    {
                        throw Error(token, "unbalanced '}': there is no '{' to close (HOCON.md \"Omit root braces\": a document without an opening '{' may not have a closing one)");
                    }

                    _pos++;
                    return;
                case HoconTokenKind.Comma:
                    throw Error(token, "expected a key, found ','");
                default:
                    break;
            }

            string what;
            if (token.Kind == HoconTokenKind.Unquoted && token.Text == "include")
            {
                ParseInclude(context);
                what = "the include";
            }
            else
            {
                what = "the value of '" + ParseField(context) + "'";
            }

            SkipWhitespace();
            HoconToken after = Peek();
            switch (after.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    _pos++;
                    break;
                case HoconTokenKind.CloseBrace:
                case HoconTokenKind.End:
                    break;
                default:
                    throw Error(after, $"expected ',' or a new line after {what}, found {after.Describe()}");
            }
        }
    }

    /// <summary>Parses <c>key = value</c>, <c>key : value</c>, <c>key { ... }</c> or <c>key += value</c>; returns the key for messages.</summary>
    private string ParseField(ObjectContext context)
    {
        HoconToken start = Peek();
        var keyTokens = new List<HoconToken>();
        while (true)
        {
            HoconToken token = Peek();
            if (token.Kind == HoconTokenKind.Substitution)
            {
                throw Error(token, "substitutions are not allowed in keys (HOCON.md \"Path expressions\")");
            }

            if (token.Kind != HoconTokenKind.Whitespace && !token.IsSimpleValue)
            {
                break;
            }

            keyTokens.Add(token);
            _pos++;
        }

        if (keyTokens.Count == 0)
        {
            HoconToken found = Peek();
            throw Error(found, $"expected a key, found {found.Describe()}");
        }

        string[] key = HoconPath.FromTokens(keyTokens, _fileName, start.Line, start.Column, "key");
        string keyText = Shorten(HoconPath.Render(key));
        HoconToken separator = Peek();
        bool append = false;
        switch (separator.Kind)
        {
            case HoconTokenKind.Colon:
            case HoconTokenKind.Equals:
                _pos++;
                SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.PlusEquals:
                _pos++;
                SkipWhitespaceAndNewlines();
                append = true;
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error(separator, MissingSeparator(keyTokens, keyText, separator));
        }

        // HOCON.md "Paths as keys": a.b.c = 1 is a { b { c = 1 } }.
        HoconObjectNode target = context.Target;
        string display = context.DisplayPath;
        for (int i = 0; i < key.Length - 1; i++)
        {
            display = Join(display, key[i]);
            target = target.GetOrAdd(key[i], display).ObjectForWrite(_fileName, start.Line, start.Column);
        }

        display = Join(display, key[^1]);
        HoconSlot slot = target.GetOrAdd(key[^1], display);
        string[]? absolute = context.AbsolutePath is null ? null : HoconPath.Concat(context.AbsolutePath, key);

        HoconToken valueStart = Peek();
        if (!append && valueStart.Kind == HoconTokenKind.OpenBrace && StandsAlone(valueStart))
        {
            // A lone object literal merges into the field in place (HOCON.md "Duplicate keys").
            _pos++;
            _session.Enter(_fileName, valueStart.Line, valueStart.Column);
            ParseObjectBody(new ObjectContext(slot.ObjectForWrite(_fileName, valueStart.Line, valueStart.Column), absolute, display), valueStart);
            _session.Exit();
            return keyText;
        }

        HoconNode value = ParseValue(display, keyText, inArray: false);
        if (append)
        {
            // HOCON.md "The += field separator": a += b is a = ${?a} [b].
            var previous = new HoconSubstitutionNode(absolute ?? key, optional: true, [], "${?" + HoconPath.Render(absolute ?? key) + "}", _fileName, separator.Line, separator.Column)
            {
                SelfReference = true,
                Snapshot = slot.Top,
                FieldPath = display,
            };
            var element = new HoconArrayNode([value], value.FileName, value.Line, value.Column);
            slot.Assign(new HoconConcatNode([previous, element], display, _fileName, separator.Line, separator.Column));
            return keyText;
        }

        if (absolute is not null && value.IsOpaque)
        {
            MarkSelfReferences(value, absolute, slot.Top, display);
        }

        slot.Assign(value);
        return keyText;
    }

    /// <summary>
    /// Names the key in the message; but when the "key" has words separated by spaces, the
    /// likely mistake is a missing '=' between a key and its value (which may be a password),
    /// so only the first word is named.
    /// </summary>
    private static string MissingSeparator(List<HoconToken> keyTokens, string keyText, HoconToken found)
    {
        int firstSpace = keyTokens.FindIndex(t => t.Kind == HoconTokenKind.Whitespace);
        int lastWord = keyTokens.FindLastIndex(t => t.Kind != HoconTokenKind.Whitespace);
        if (firstSpace > 0 && firstSpace < lastWord)
        {
            string first = string.Concat(keyTokens.Take(firstSpace).Select(t => t.Kind is HoconTokenKind.QuotedString or HoconTokenKind.TripleQuotedString ? "\"" + t.Text + "\"" : t.Text));
            return $"expected '=' ':' or '{{' after key '{Shorten(first)} ...', found {found.Describe()} (is the '=' between the key and its value missing?)";
        }

        return $"expected '=' ':' or '{{' after key '{keyText}', found {found.Describe()}";
    }

    /// <summary>
    /// HOCON.md "Self-Referential Substitutions": a substitution (alone or in a concatenation,
    /// not inside an object or array literal) whose path is the field being defined, or inside
    /// it, looks back at the field's earlier value instead of forward at its final one.
    /// </summary>
    private static void MarkSelfReferences(HoconNode value, string[] field, HoconStackNode? before, string display)
    {
        IEnumerable<HoconNode> candidates = value is HoconConcatNode concat ? concat.Parts : [value];
        foreach (HoconNode candidate in candidates)
        {
            if (candidate is HoconSubstitutionNode substitution)
            {
                string[] full = HoconPath.Concat(substitution.Prefix, substitution.Path);
                if (HoconPath.StartsWith(full, field))
                {
                    substitution.SelfReference = true;
                    substitution.Snapshot = before;
                    substitution.Remaining = full[field.Length..];
                    substitution.FieldPath = display;
                }
            }
        }
    }

    /// <summary>
    /// Reads a field value or array element up to the next comma, newline or closing bracket.
    /// HOCON.md "Value concatenation": several simple values on one line make one string
    /// (whitespace between them kept); arrays concatenate with arrays, objects merge with objects.
    /// </summary>
    private HoconNode ParseValue(string display, string? keyText, bool inArray)
    {
        var parts = new List<HoconNode>();
        bool literalOnly = true;
        while (true)
        {
            HoconToken token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.Newline:
                case HoconTokenKind.Comma:
                case HoconTokenKind.CloseBrace:
                case HoconTokenKind.CloseBracket:
                case HoconTokenKind.End:
                    return Finish(parts, literalOnly, display, keyText, inArray, token);
                case HoconTokenKind.Whitespace:
                    parts.Add(new HoconWhitespaceNode(token.Text, _fileName, token.Line, token.Column));
                    _pos++;
                    break;
                case HoconTokenKind.Substitution:
                    parts.Add(new HoconSubstitutionNode(token.Path!, token.Optional, _includePrefix, token.Text, _fileName, token.Line, token.Column));
                    literalOnly = false;
                    _pos++;
                    break;
                case HoconTokenKind.OpenBrace:
                    {
                        _pos++;
                        _session.Enter(_fileName, token.Line, token.Column);
                        var obj = new HoconObjectNode(_fileName, token.Line, token.Column);
                        ParseObjectBody(new ObjectContext(obj, null, display), token);
                        _session.Exit();
                        parts.Add(obj);
                        literalOnly = false;
                        break;
                    }

                case HoconTokenKind.OpenBracket:
                    parts.Add(ParseArray(token, display));
                    literalOnly = false;
                    break;
                case HoconTokenKind.Colon:
                case HoconTokenKind.Equals:
                case HoconTokenKind.PlusEquals:
                    throw Error(token, inArray
                        ? $"unexpected '{token.Text}' in an array element; quote the text if '{token.Text}' is meant literally"
                        : $"unexpected '{token.Text}' in the value of '{keyText}'; quote the text if '{token.Text}' is meant literally");
                default:
                    parts.Add(new HoconScalarNode(Literal(token), _fileName, token.Line, token.Column));
                    _pos++;
                    break;
            }
        }
    }

    private HoconNode Finish(List<HoconNode> parts, bool literalOnly, string display, string? keyText, bool inArray, HoconToken end)
    {
        // Whitespace before the first and after the last value is not part of the value.
        int first = 0;
        int last = parts.Count - 1;
        while (first <= last && parts[first] is HoconWhitespaceNode)
        {
            first++;
        }

        while (last >= first && parts[last] is HoconWhitespaceNode)
        {
            last--;
        }

        if (first > last)
        {
            throw Error(end, inArray
                ? $"expected an array element, found {end.Describe()}"
                : $"expected a value for '{keyText}', found {end.Describe()}");
        }

        if (first == last)
        {
            return parts[first];
        }

        HoconNode head = parts[first];
        if (literalOnly)
        {
            // HOCON.md "String value concatenation": true, false, null and numbers become the text as written.
            var sb = new StringBuilder();
            for (int i = first; i <= last; i++)
            {
                sb.Append(parts[i] is HoconWhitespaceNode ws ? ws.Text : ((HoconScalarNode)parts[i]).Value.Text);
            }

            return new HoconScalarNode(HoconScalar.String(sb.ToString()), head.FileName, head.Line, head.Column);
        }

        return new HoconConcatNode(parts.GetRange(first, last - first + 1), display, head.FileName, head.Line, head.Column);
    }

    /// <summary>HOCON.md "Commas" for arrays: elements separated by commas or newlines, one trailing comma allowed.</summary>
    private HoconArrayNode ParseArray(HoconToken open, string display)
    {
        _pos++;
        _session.Enter(_fileName, open.Line, open.Column);
        var items = new List<HoconNode>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            HoconToken token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    _pos++;
                    _session.Exit();
                    return new HoconArrayNode(items, _fileName, open.Line, open.Column);
                case HoconTokenKind.End:
                    throw Unclosed(open, token);
                case HoconTokenKind.Comma:
                    throw Error(token, "expected an array element or ']', found ','");
                case HoconTokenKind.CloseBrace:
                    throw Unclosed(open, token);
                default:
                    break;
            }

            items.Add(ParseValue(Join(display, items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, inArray: true));
            SkipWhitespace();
            HoconToken after = Peek();
            switch (after.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    _pos++;
                    break;
                case HoconTokenKind.CloseBracket:
                    break;
                case HoconTokenKind.End:
                case HoconTokenKind.CloseBrace:
                    throw Unclosed(open, after);
                default:
                    throw Error(after, $"expected ',' or ']' after an array element, found {after.Describe()}");
            }
        }
    }

    private static HoconScalar Literal(HoconToken token) => token.Kind switch
    {
        HoconTokenKind.Number => HoconScalar.Number(token.Text),
        HoconTokenKind.True => HoconScalar.True,
        HoconTokenKind.False => HoconScalar.False,
        HoconTokenKind.Null => HoconScalar.Null,
        _ => HoconScalar.String(token.Text),
    };

    /// <summary>
    /// True when the object literal starting at <paramref name="open"/> is the whole value (what
    /// follows its '}' ends the field), so it can be parsed straight into the field.
    /// </summary>
    private bool StandsAlone(HoconToken open)
    {
        if (open.Match < 0)
        {
            return true;
        }

        int i = open.Match + 1;
        while (_tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        return _tokens[i].Kind is HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace
            or HoconTokenKind.CloseBracket or HoconTokenKind.End;
    }

    private HoconToken Peek() => _tokens[_pos];

    private void SkipWhitespace()
    {
        while (_tokens[_pos].Kind == HoconTokenKind.Whitespace)
        {
            _pos++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_tokens[_pos].Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _pos++;
        }
    }

    private HoconParseException Unclosed(HoconToken open, HoconToken found)
    {
        string close = open.Kind == HoconTokenKind.OpenBrace ? "}" : "]";
        return Error(found, $"expected '{close}' to close '{open.Text}' opened at {open.Line}:{open.Column}, found {found.Describe()}");
    }

    private HoconParseException Error(HoconToken at, string message) => new(_fileName, at.Line, at.Column, message);

    private static string Join(string display, string key)
    {
        string element = HoconPath.Render([key]);
        return display.Length == 0 ? element : display + "." + element;
    }

    private static string Shorten(string text) => text.Length > 64 ? string.Concat(text.AsSpan(0, 64), "...") : text;

    /// <summary>The object fields are being written into, and where it is.</summary>
    /// <param name="Target">The object.</param>
    /// <param name="AbsolutePath">Its path from the root, or null for an object inside an array or concatenation.</param>
    /// <param name="DisplayPath">Its path for messages.</param>
    private readonly record struct ObjectContext(HoconObjectNode Target, string[]? AbsolutePath, string DisplayPath);
}
