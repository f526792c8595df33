namespace AuthActors.Configuration;

/// <summary>
/// A value concatenation that holds a substitution, an object or an array, so its result (a
/// string, an array or a merged object) is known only after resolution.
/// </summary>
internal sealed class HoconConcatNode : HoconNode
{
    public HoconConcatNode(List<HoconNode> parts, string displayPath, string fileName, int line, int column)
        : base(fileName, line, column)
    {
        Parts = parts;
        DisplayPath = displayPath;
    }

    public List<HoconNode> Parts { get; }

    /// <summary>Where the value is, for messages.</summary>
    public string DisplayPath { get; }
}
