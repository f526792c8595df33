using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Configuration;

/// <summary>
/// A resolved HOCON object. Fields keep the order in which each key was first defined; keys
/// compare ordinally (HOCON keys are case-sensitive).
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A HOCON object, named like System.Text.Json.Nodes.JsonObject; the name is part of the agreed API.")]
internal sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
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
        => fallback.Count == 0 ? top : top.Count == 0 ? fallback : MergeAll([top, fallback]);

    /// <summary>
    /// Merges objects as if each fell back to the next (<paramref name="layers"/>[0] wins), in
    /// one pass over all their fields, so merging many definitions stays linear. A key's
    /// values merge while they are objects, from the top down; the first non-object ends the
    /// merge (and wins if it is on top). Keys keep the order of their lowest definition.
    /// </summary>
    internal static HoconObject MergeAll(List<HoconObject> layers)
    {
        if (layers.Count == 1)
        {
            return layers[0];
        }

        var keys = new List<string>();
        var values = new Dictionary<string, List<HoconValue>>(StringComparer.Ordinal);
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            foreach (string key in layers[i]._keys)
            {
                if (!values.ContainsKey(key))
                {
                    keys.Add(key);
                    values.Add(key, []);
                }
            }
        }

        foreach (HoconObject layer in layers)
        {
            foreach (KeyValuePair<string, HoconValue> field in layer._fields)
            {
                values[field.Key].Add(field.Value);
            }
        }

        var fields = new Dictionary<string, HoconValue>(keys.Count, StringComparer.Ordinal);
        foreach (string key in keys)
        {
            List<HoconValue> stack = values[key];
            if (stack[0] is not HoconObject || stack.Count == 1)
            {
                fields.Add(key, stack[0]);
                continue;
            }

            var objects = new List<HoconObject>(stack.Count);
            foreach (HoconValue value in stack)
            {
                if (value is not HoconObject obj)
                {
                    break;
                }

                objects.Add(obj);
            }

            fields.Add(key, MergeAll(objects));
        }

        return new HoconObject(keys, fields);
    }
}
