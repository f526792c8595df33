using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Configuration;

/// <summary>
/// A resolved HOCON object. Fields keep the order in which each key was first defined; keys
/// compare ordinally (HOCON keys are case-sensitive).
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A HOCON object, named like System.Text.Json.Nodes.JsonObject; the name is part of the agreed API.")]
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, HoconValue> _fields;

    internal HoconObject(List<string> keys, Dictionary<string, HoconValue> fields)
    {
        _keys = keys;
        _fields = fields;
        int depth = 0;
        foreach (HoconValue value in fields.Values)
        {
            depth = Math.Max(depth, value.Depth);
        }

        Depth = depth + 1;
    }

    /// <summary>An object with no fields.</summary>
    internal static HoconObject Empty { get; } = new([], new Dictionary<string, HoconValue>(StringComparer.Ordinal));

    /// <inheritdoc/>
    public override HoconValueKind Kind => HoconValueKind.Object;

    /// <inheritdoc/>
    public int Count => _keys.Count;

    /// <summary>The keys in definition order.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The values in definition order.</summary>
    public IEnumerable<HoconValue> Values => _keys.Select(k => _fields[k]);

    internal override int Depth { get; }

    /// <inheritdoc/>
    public HoconValue this[string key] => _fields[key];

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>
    /// Finds a value by a dotted path such as <c>authactors.spaces.lease-mode</c>. The path is
    /// split on every '.', so it cannot reach keys that contain a dot; use the indexer for those.
    /// </summary>
    /// <returns>True when every element of the path exists.</returns>
    public bool TryGetPath(string path, [NotNullWhen(true)] out HoconValue? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconValue current = this;
        foreach (string element in path.Split('.'))
        {
            if (current is not HoconObject obj || !obj.TryGetValue(element, out HoconValue? next))
            {
                value = null;
                return false;
            }

            current = next;
        }

        value = current;
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        foreach (string key in _keys)
        {
            yield return new KeyValuePair<string, HoconValue>(key, _fields[key]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// HOCON.md "Duplicate keys": fields of <paramref name="fallback"/> stay where they are,
    /// <paramref name="top"/> wins for every key both have, except that two objects merge
    /// recursively; keys only <paramref name="top"/> has are appended.
    /// </summary>
    internal static HoconObject Merge(HoconObject top, HoconObject fallback)
    {
        if (fallback.Count == 0)
        {
            return top;
        }

        if (top.Count == 0)
        {
            return fallback;
        }

        var keys = new List<string>(fallback._keys);
        var fields = new Dictionary<string, HoconValue>(fallback._fields, StringComparer.Ordinal);
        foreach (string key in top._keys)
        {
            HoconValue value = top._fields[key];
            if (fields.TryGetValue(key, out HoconValue? below))
            {
                fields[key] = value is HoconObject o && below is HoconObject b ? Merge(o, b) : value;
            }
            else
            {
                keys.Add(key);
                fields[key] = value;
            }
        }

        return new HoconObject(keys, fields);
    }
}
