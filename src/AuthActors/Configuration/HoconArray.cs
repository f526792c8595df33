namespace AuthActors.Configuration;

/// <summary>A resolved HOCON array.</summary>
internal sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    // An array is a view of the first _count items of a buffer that may be shared with longer
    // arrays built from it by concatenation (a += b a thousand times would otherwise copy the
    // array a thousand times). Items below _count never change, so the view is immutable.
    private readonly List<HoconValue> _buffer;
    private readonly int _count;

    internal HoconArray(List<HoconValue> items)
        : this(items, items.Count, 1 + items.Aggregate(0, (depth, item) => Math.Max(depth, item.Depth)))
    {
    }

    private HoconArray(List<HoconValue> buffer, int count, int depth)
    {
        _buffer = buffer;
        _count = count;
        Depth = depth;
    }

    /// <inheritdoc/>
    public override HoconValueKind Kind => HoconValueKind.Array;

    /// <inheritdoc/>
    public int Count => _count;

    internal override int Depth { get; }

    /// <inheritdoc/>
    public HoconValue this[int index] => (uint)index < (uint)_count ? _buffer[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<HoconValue> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _buffer[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// HOCON.md "Array and object concatenation". Appends to the first array's buffer when
    /// nothing has been appended to it yet, else copies; resolution is single-threaded.
    /// </summary>
    internal static HoconArray Concat(List<HoconArray> parts)
    {
        HoconArray first = parts[0];
        if (parts.Count == 1)
        {
            return first;
        }

        List<HoconValue> buffer = first._buffer.Count == first._count ? first._buffer : first._buffer.GetRange(0, first._count);
        int depth = first.Depth;
        for (int p = 1; p < parts.Count; p++)
        {
            HoconArray part = parts[p];
            for (int i = 0; i < part._count; i++)
            {
                HoconValue item = part._buffer[i];
                buffer.Add(item);
                depth = Math.Max(depth, item.Depth + 1);
            }
        }

        return new HoconArray(buffer, buffer.Count, depth);
    }
}
