using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Host.Commands;

/// <summary>
/// Writes a configuration section as JSON: sections with children <c>0</c>, <c>1</c>, ... become
/// arrays, other sections objects, leaves booleans, whole numbers or strings (or null). Secrets are masked
/// (<see cref="SecretMasking"/>).
/// </summary>
internal static class ConfigurationJson
{
    /// <summary>The section <paramref name="section"/> as indented JSON, its name as the one top-level key.</summary>
    public static string Write(IConfigurationSection section) => Write([section]);

    /// <summary>
    /// The sections as indented JSON, one top-level key each, in the order given; a section with
    /// nothing in it is written as <c>{}</c>.
    /// </summary>
    public static string Write(IReadOnlyList<IConfigurationSection> sections)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (IConfigurationSection section in sections)
            {
                writer.WritePropertyName(section.Key);
                if (section.Value is null && !section.GetChildren().Any())
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                {
                    WriteNode(writer, section);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Every leaf below <paramref name="section"/> as (full key, masked value), sorted by key.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Leaves(IConfigurationSection section) =>
        section.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Key.Length > 0 && !section.GetSection(kv.Key).GetChildren().Any())
            .Select(kv => section.Path + ":" + kv.Key)
            .Select(key => KeyValuePair.Create(key, SecretMasking.MaskValue(key, section[key[(section.Path.Length + 1)..]])))
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    // Settings are typed as HOCON wrote them (5, true); credential entries are free text (a user
    // name "007" stays a string), and durations and sizes (5s, 1MiB) are strings anyway.
    private static bool IsFreeText(string path) =>
        path.Contains(":credentials:entries:", StringComparison.OrdinalIgnoreCase);

    private static bool IsWholeNumber(string value, out long number)
    {
        number = 0;
        bool canonical = value.Length is > 0 and <= 18
            && (value == "0" || (value[0] is >= '1' and <= '9') || (value[0] == '-' && value.Length > 1 && value[1] is >= '1' and <= '9'));
        return canonical && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private static void WriteNode(Utf8JsonWriter writer, IConfigurationSection section)
    {
        IConfigurationSection[] children = [.. section.GetChildren()];
        if (children.Length == 0)
        {
            string? value = SecretMasking.MaskValue(section.Path, section.Value);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else if (!IsFreeText(section.Path) && value.ToLowerInvariant() is "true" or "false" or "on" or "off" or "yes" or "no")
            {
                // HOCON's booleans: true/false, on/off, yes/no.
                writer.WriteBooleanValue(value.ToLowerInvariant() is "true" or "on" or "yes");
            }
            else if (!IsFreeText(section.Path) && IsWholeNumber(value, out long number))
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(value);
            }

            return;
        }

        if (IsArray(children))
        {
            writer.WriteStartArray();
            foreach (IConfigurationSection child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                WriteNode(writer, child);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (IConfigurationSection child in children.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WritePropertyName(child.Key);
            WriteNode(writer, child);
        }

        writer.WriteEndObject();
    }

    private static bool IsArray(IConfigurationSection[] children)
    {
        var indexes = new HashSet<int>();
        foreach (IConfigurationSection child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || !indexes.Add(index))
            {
                return false;
            }
        }

        return indexes.Min() == 0 && indexes.Max() == children.Length - 1;
    }
}
