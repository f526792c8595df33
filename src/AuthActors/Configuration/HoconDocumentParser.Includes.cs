namespace AuthActors.Configuration;

/// <summary>HOCON.md "Includes".</summary>
internal sealed partial class HoconDocumentParser
{
    private const string ExpectedIncludeArgument = "a quoted file name, file(\"...\") or required(\"...\") after 'include'";

    /// <summary>
    /// HOCON.md "Include syntax": <c>include "name"</c>, <c>include file("name")</c> and
    /// <c>include required(...)</c> around either. The argument is one quoted string, no
    /// concatenation; whitespace and newlines may come between <c>include</c> and it.
    /// </summary>
    private void ParseInclude(ObjectContext context)
    {
        HoconToken include = Peek();
        _pos++;
        SkipWhitespaceAndNewlines();
        List<IncludeAtom> atoms = ReadIncludeAtoms();
        int index = 0;
        IncludeTarget target = ParseIncludeArgument(atoms, ref index, include, allowRequired: true);
        if (index != atoms.Count)
        {
            throw Error(atoms[index].Token, $"expected {ExpectedIncludeArgument}, found {atoms[index].Token.Describe()}");
        }

        switch (target.Kind)
        {
            case "url":
                throw Error(include, "include url(...) is not supported: only files can be included");
            case "classpath":
                throw Error(include, "include classpath(...) is not supported: only files can be included; use file(\"...\")");
            default:
                break;
        }

        if (target.Kind.Length == 0 && LooksLikeUrl(target.Name))
        {
            throw Error(include, "including a URL is not supported: only files can be included");
        }

        IncludeFile(context, target, include);
    }

    /// <summary>
    /// HOCON.md "Include semantics": the file is found relative to the including file's
    /// directory (never the process's current directory); its fields merge into the object that
    /// holds the include exactly like fields written there; a name without an extension loads
    /// <c>name.json</c> then <c>name.conf</c> ("Files in HOCON format should be parsed last").
    /// </summary>
    private void IncludeFile(ObjectContext context, IncludeTarget target, HoconToken include)
    {
        string[] candidates = Path.HasExtension(target.Name) ? [target.Name] : [target.Name + ".json", target.Name + ".conf"];
        bool found = false;
        string looked = "";
        foreach (string candidate in candidates)
        {
            bool rooted = Path.IsPathRooted(candidate);
            string fullPath = Path.GetFullPath(rooted ? candidate : Path.Combine(_baseDirectory, candidate));
            string displayName = rooted ? candidate : Path.Combine(Path.GetDirectoryName(_fileName) ?? "", candidate);
            looked = looked.Length == 0 ? fullPath : looked + "', '" + fullPath;
            string? text;
            try
            {
                text = _session.ReadInclude(fullPath);
            }
            catch (IOException ex)
            {
                throw new HoconException(_fileName, include.Line, include.Column, $"could not read included file '{candidate}': {ex.Message}", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new HoconException(_fileName, include.Line, include.Column, $"could not read included file '{candidate}': {ex.Message}", ex);
            }

            if (text is null)
            {
                continue;
            }

            found = true;
            _session.EnterInclude(fullPath, _fileName, include.Line, include.Column);
            _session.Enter(_fileName, include.Line, include.Column);
            var parser = new HoconDocumentParser(
                _session,
                HoconTokenizer.Tokenize(text, displayName),
                displayName,
                Path.GetDirectoryName(fullPath) ?? _baseDirectory,
                context.AbsolutePath ?? []);
            parser.ParseDocument(context.Target, context.AbsolutePath, context.DisplayPath);
            _session.Exit();
            _session.ExitInclude();
        }

        if (!found && target.Required)
        {
            throw Error(include, $"required include '{target.Name}' was not found (looked for '{looked}')");
        }
    }

    private static bool LooksLikeUrl(string name)
    {
        int colon = name.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        for (int i = 0; i < colon; i++)
        {
            char c = name[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-') || (i == 0 && !char.IsAsciiLetter(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits the tokens after <c>include</c> into quoted strings, names and parentheses (the
    /// tokenizer reads <c>required(file(</c> as one unquoted text).
    /// </summary>
    private List<IncludeAtom> ReadIncludeAtoms()
    {
        var atoms = new List<IncludeAtom>();
        int open = 0;
        while (true)
        {
            HoconToken token = Peek();
            if (token.Kind == HoconTokenKind.Whitespace || (token.Kind == HoconTokenKind.Newline && open > 0))
            {
                _pos++;
                continue;
            }

            if (token.Kind == HoconTokenKind.QuotedString)
            {
                atoms.Add(new IncludeAtom('"', token.Text, token));
                _pos++;
                continue;
            }

            if (token.Kind != HoconTokenKind.Unquoted)
            {
                return atoms;
            }

            string text = token.Text;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c is '(' or ')')
                {
                    open += c == '(' ? 1 : -1;
                    atoms.Add(new IncludeAtom(c, c.ToString(), token));
                    i++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    int start = i;
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        i++;
                    }

                    atoms.Add(new IncludeAtom('n', text[start..i], token));
                }
                else
                {
                    throw Error(token, $"expected {ExpectedIncludeArgument}, found {token.Describe()}");
                }
            }

            _pos++;
        }
    }

    private IncludeTarget ParseIncludeArgument(List<IncludeAtom> atoms, ref int index, HoconToken include, bool allowRequired)
    {
        if (index >= atoms.Count)
        {
            HoconToken found = Peek();
            throw Error(found, $"expected {ExpectedIncludeArgument}, found {found.Describe()}");
        }

        IncludeAtom atom = atoms[index];
        if (atom.Kind == '"')
        {
            index++;
            return new IncludeTarget(atom.Text, "", Required: false);
        }

        if (atom.Kind != 'n' || !(atom.Text is "file" or "url" or "classpath" || (allowRequired && atom.Text == "required")))
        {
            throw Error(atom.Token, $"expected {ExpectedIncludeArgument}, found {atom.Token.Describe()}");
        }

        index++;
        Expect(atoms, ref index, '(', include);
        IncludeTarget inner;
        if (atom.Text == "required")
        {
            inner = ParseIncludeArgument(atoms, ref index, include, allowRequired: false) with { Required = true };
        }
        else
        {
            if (index >= atoms.Count || atoms[index].Kind != '"')
            {
                HoconToken found = index < atoms.Count ? atoms[index].Token : Peek();
                throw Error(found, $"expected a quoted file name inside {atom.Text}(...), found {found.Describe()}");
            }

            inner = new IncludeTarget(atoms[index].Text, atom.Text, Required: false);
            index++;
        }

        Expect(atoms, ref index, ')', include);
        return inner;
    }

    private void Expect(List<IncludeAtom> atoms, ref int index, char kind, HoconToken include)
    {
        if (index >= atoms.Count)
        {
            HoconToken end = Peek();
            throw Error(end, $"expected '{kind}' in the include at {include.Line}:{include.Column}, found {end.Describe()}");
        }

        if (atoms[index].Kind != kind)
        {
            throw Error(atoms[index].Token, $"expected '{kind}' in the include at {include.Line}:{include.Column}, found '{atoms[index].Text}'");
        }

        index++;
    }

    /// <param name="Kind">'"' for a quoted string, 'n' for a name, '(' or ')'.</param>
    /// <param name="Text">The string's value, the name, or the parenthesis.</param>
    /// <param name="Token">The token it came from, for positions.</param>
    private readonly record struct IncludeAtom(char Kind, string Text, HoconToken Token);

    /// <param name="Name">The file name as written.</param>
    /// <param name="Kind">"" for a plain quoted name, else file, url or classpath.</param>
    /// <param name="Required">True inside required(...).</param>
    private readonly record struct IncludeTarget(string Name, string Kind, bool Required);
}
