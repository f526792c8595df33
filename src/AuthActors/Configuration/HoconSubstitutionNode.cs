namespace AuthActors.Configuration;

/// <summary>
/// One occurrence of <c>${path}</c> or <c>${?path}</c>. Results are memoized per occurrence,
/// not per path (HOCON.md "Self-Referential Substitutions": "Memoization should be keyed by
/// the substitution instance").
/// </summary>
internal sealed class HoconSubstitutionNode : HoconNode
{
    public HoconSubstitutionNode(string[] path, bool optional, string[] prefix, string text, string fileName, int line, int column)
        : base(fileName, line, column)
    {
        Path = path;
        Optional = optional;
        Prefix = prefix;
        Text = text;
    }

    /// <summary>The path as written.</summary>
    public string[] Path { get; }

    public bool Optional { get; }

    /// <summary>
    /// HOCON.md "Include semantics: substitution": in an included file the path is looked up
    /// first under the path where the file was included, then from the root.
    /// </summary>
    public string[] Prefix { get; }

    /// <summary>The substitution as written, e.g. <c>${?API_PASSWORD}</c>, for messages.</summary>
    public string Text { get; }

    /// <summary>
    /// True when the substitution refers to the field it defines or to something inside it
    /// (<c>path = ${path}":/x"</c>, <c>a += b</c>): it must look back at the earlier value.
    /// </summary>
    public bool SelfReference { get; set; }

    /// <summary>For a self-reference: the field's stack as it was just before this definition (null: none).</summary>
    public HoconStackNode? Snapshot { get; set; }

    /// <summary>For a self-reference: the part of <see cref="Path"/> below the field being defined.</summary>
    public string[] Remaining { get; set; } = [];

    /// <summary>For a self-reference: the field being defined, for messages.</summary>
    public string? FieldPath { get; set; }
}
