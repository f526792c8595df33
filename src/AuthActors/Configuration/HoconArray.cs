namespace AuthActors.Configuration;

/// <summary>A resolved HOCON array.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items;

    internal HoconArray(HoconValue[] items)
    {
        _items = items;
        int depth = 0;
        foreach (HoconValue item in items)
        {
            depth = Math.Max(depth, item.Depth);
        }

        Depth = depth + 1;
    }

    /// <inheritdoc/>
    public override HoconValueKind Kind => HoconValueKind.Array;

    /// <inheritdoc/>
    public int Count => _items.Length;

    internal override int Depth { get; }

    /// <inheritdoc/>
    public HoconValue this[int index] => _items[index];

    /// <inheritdoc/>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
