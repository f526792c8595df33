using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>
/// Turns a resolved HOCON object into <see cref="IConfiguration"/> key/value pairs, the way
/// Microsoft.Extensions.Configuration.Json does for JSON: <c>a.b.c</c> becomes <c>a:b:c</c>,
/// array elements <c>a:0</c>, <c>a:1</c>; null stays null; booleans are <c>true</c>/<c>false</c>;
/// numbers are written as in the file; an empty object or array becomes its key with a null value.
/// </summary>
internal static class HoconFlattener
{
    /// <summary>Flattens <paramref name="root"/> into a case-insensitive dictionary.</summary>
    /// <exception cref="HoconException">
    /// Two settings map to the same configuration key (configuration keys ignore case, so
    /// <c>a</c> and <c>A</c> collide, as do <c>"a:b"</c> and <c>a.b</c>); nothing is dropped silently.
    /// </exception>
    public static IDictionary<string, string?> Flatten(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, HoconValue> field in root)
        {
            Visit(data, field.Key, field.Value);
        }

        return data;
    }

    private static void Visit(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    Add(data, key, null);
                }

                foreach (KeyValuePair<string, HoconValue> field in obj)
                {
                    Visit(data, ConfigurationPath.Combine(key, field.Key), field.Value);
                }

                break;
            case HoconArray array:
                if (array.Count == 0)
                {
                    Add(data, key, null);
                }

                for (int i = 0; i < array.Count; i++)
                {
                    Visit(data, ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), array[i]);
                }

                break;
            case HoconScalar scalar:
                Add(data, key, scalar.Value);
                break;
            default:
                throw new InvalidOperationException("unknown HOCON value type");
        }
    }

    private static void Add(Dictionary<string, string?> data, string key, string? value)
    {
        if (!data.TryAdd(key, value))
        {
            string existing = data.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            throw new HoconException($"settings '{existing}' and '{key}' map to the same configuration key (configuration keys ignore letter case and use ':' between path elements)");
        }
    }
}
