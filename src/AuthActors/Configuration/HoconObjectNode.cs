namespace AuthActors.Configuration;

/// <summary>An object being parsed: fields in the order their keys first appear.</summary>
internal sealed class HoconObjectNode : HoconNode
{
    private readonly Dictionary<string, HoconSlot> _slots = new(StringComparer.Ordinal);
    private readonly List<HoconSlot> _order = [];

    public HoconObjectNode(string fileName, int line, int column)
        : base(fileName, line, column)
    {
    }

    public IReadOnlyList<HoconSlot> Slots => _order;

    public bool TryGet(string key, out HoconSlot slot) => _slots.TryGetValue(key, out slot!);

    public HoconSlot GetOrAdd(string key, string displayPath)
    {
        if (!_slots.TryGetValue(key, out HoconSlot? slot))
        {
            slot = new HoconSlot(key, displayPath);
            _slots.Add(key, slot);
            _order.Add(slot);
        }

        return slot;
    }
}
