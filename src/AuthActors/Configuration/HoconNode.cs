namespace AuthActors.Configuration;

/// <summary>
/// A value as parsed, before substitutions are resolved (HOCON.md: "Substitution processing is
/// performed as the last parsing step"). Each node remembers where it was written so that a
/// resolution error can point at it.
/// </summary>
internal abstract class HoconNode
{
    protected HoconNode(string fileName, int line, int column)
    {
        FileName = fileName;
        Line = line;
        Column = column;
    }

    public string FileName { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>
    /// Substitutions and concatenations: their type is known only after resolution, so a later
    /// object cannot merge into them at parse time and an earlier value stays beneath them.
    /// </summary>
    public bool IsOpaque => this is HoconSubstitutionNode or HoconConcatNode;

    public HoconException Error(string message) => new(FileName, Line, Column, message);
}
