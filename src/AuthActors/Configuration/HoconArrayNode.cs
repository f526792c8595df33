namespace AuthActors.Configuration;

/// <summary>An array literal; its elements may still hold substitutions.</summary>
internal sealed class HoconArrayNode : HoconNode
{
    public HoconArrayNode(List<HoconNode> items, string fileName, int line, int column)
        : base(fileName, line, column)
    {
        Items = items;
    }

    public List<HoconNode> Items { get; }
}
