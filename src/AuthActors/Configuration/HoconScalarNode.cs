namespace AuthActors.Configuration;

/// <summary>A literal string, number, boolean or null.</summary>
internal sealed class HoconScalarNode : HoconNode
{
    public HoconScalarNode(HoconScalar value, string fileName, int line, int column)
        : base(fileName, line, column)
    {
        Value = value;
    }

    public HoconScalar Value { get; }
}
