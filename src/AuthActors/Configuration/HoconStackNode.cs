namespace AuthActors.Configuration;

/// <summary>
/// One definition of a field on top of the earlier ones it may merge with (HOCON.md "Duplicate
/// keys"). The chain is immutable, so a self-referential substitution can hold the field's
/// earlier value simply by keeping the node that was on top when it was parsed.
/// </summary>
internal sealed class HoconStackNode
{
    public HoconStackNode(HoconNode entry, HoconStackNode? below, string displayPath)
    {
        Entry = entry;
        Below = below;
        DisplayPath = displayPath;
    }

    public HoconNode Entry { get; }

    public HoconStackNode? Below { get; }

    /// <summary>The field's path, for messages (cycles are reported as chains of these).</summary>
    public string DisplayPath { get; }
}
