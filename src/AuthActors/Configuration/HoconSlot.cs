namespace AuthActors.Configuration;

/// <summary>A field of an object being parsed: its key and the stack of its definitions.</summary>
internal sealed class HoconSlot
{
    public HoconSlot(string key, string displayPath)
    {
        Key = key;
        DisplayPath = displayPath;
    }

    public string Key { get; }

    public string DisplayPath { get; }

    public HoconStackNode? Top { get; private set; }

    /// <summary>
    /// The object that later fields of this key write into. HOCON.md "Duplicate keys": an object
    /// after an object merges with it (we write into the same node); an object after a literal
    /// non-object replaces it; an object after a substitution goes on top of it and the two are
    /// merged once the substitution's value is known.
    /// </summary>
    public HoconObjectNode ObjectForWrite(string fileName, int line, int column)
    {
        if (Top?.Entry is HoconObjectNode existing)
        {
            return existing;
        }

        var created = new HoconObjectNode(fileName, line, column);
        Top = new HoconStackNode(created, Top is not null && Top.Entry.IsOpaque ? Top : null, DisplayPath);
        return created;
    }

    /// <summary>
    /// A literal non-object hides everything before it; a substitution or concatenation goes on
    /// top, because if it turns out to be an object it merges with what is below, and if it
    /// is an undefined <c>${?x}</c> the earlier value remains (HOCON.md "Substitutions").
    /// </summary>
    public void Assign(HoconNode value)
    {
        Top = new HoconStackNode(value, value.IsOpaque ? Top : null, DisplayPath);
    }
}
