using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>
/// Renders a section of an <see cref="IConfiguration"/> as HOCON text for Akka.NET's own parser
/// (<c>Akka.Configuration.ConfigurationFactory.ParseString</c>). Our reader has already done
/// what Akka's parser cannot be trusted with (includes, substitutions, <c>${?ENV}</c>, <c>+=</c>,
/// cycles), and the configuration layers have overridden each other key by key; Akka is handed
/// the result with nothing left to resolve.
/// </summary>
/// <remarks>
/// <para>
/// Every key and every value is a quoted string, escaped as in JSON (which is valid HOCON
/// quoting): a value is never read as a substitution, an include, a number or a path, and a key
/// with a dot, space or quote inside stays one key. Akka's getters convert strings as they do
/// unquoted values (<c>GetTimeSpan</c> reads <c>"5s"</c>, <c>GetBoolean</c> reads <c>"on"</c>).
/// </para>
/// <para>
/// A section whose children are named <c>0</c> to <c>n-1</c> becomes an array; any other
/// section with children becomes an object, its keys in ordinal order. A key of an object with a
/// null value is left out: <see cref="IConfiguration"/> cannot tell an empty object or array from
/// null (<see cref="HoconFlattener"/>, like the JSON provider, stores all three as a null value),
/// and <c>x = null</c> would hide whatever Akka's own defaults hold at <c>x</c>, so a harmless
/// <c>x {}</c> in a file must not become one (a null array item stays <c>null</c>). When a key
/// has both a value and children (two layers disagreeing
/// on its shape), the children are written, as the configuration binder would read them.
/// </para>
/// <para>
/// Two limits are Akka's getters', not the text's: they trim white space from both ends of every
/// string and read the string <c>null</c> as null, quoted or not
/// (<c>Akka.Configuration.Hocon.HoconValue.GetString</c>); and <c>GetBoolean</c> knows only
/// <c>on</c>, <c>off</c>, <c>true</c> and <c>false</c>, not HOCON's <c>yes</c> and <c>no</c>.
/// </para>
/// </remarks>
internal static class AkkaConfigText
{
    private const string Indent = "  ";

    /// <summary>
    /// The section <paramref name="section"/> of <paramref name="configuration"/> as HOCON text
    /// rooted at the section's name (<c>"akka" { ... }</c>), or an empty string when no key is at
    /// or below it. The same configuration always gives the same text.
    /// </summary>
    /// <param name="configuration">The configuration, e.g. the host's layered root.</param>
    /// <param name="section">The section's path, with <c>:</c> between segments; the default value is <c>akka</c>.</param>
    /// <returns>HOCON text ending in a newline, or an empty string.</returns>
    public static string FromConfiguration(IConfiguration configuration, string section = "akka")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(section);
        string[] segments = section.Split(ConfigurationPath.KeyDelimiter);
        if (segments.Any(s => s.Length == 0))
        {
            throw new ArgumentException($"The section path '{section}' has an empty segment.", nameof(section));
        }

        IConfigurationSection root = configuration.GetSection(section);
        if (!IsPresent(configuration, root))
        {
            return "";
        }

        var text = new StringBuilder();
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            AppendQuoted(text, segments[i]);
        }

        IConfigurationSection[] children = [.. root.GetChildren()];
        if (children.Length == 0 && root.Value is null)
        {
            // "x {}" in the file: the section is there but holds nothing.
            text.Append(" {}\n");
            return text.ToString();
        }

        text.Append(children.Length > 0 && !IsArray(children) ? " " : " = ");
        AppendNode(text, root, level: 0);
        text.Append('\n');
        return text.ToString();
    }

    // Exists() is false for a key whose value is null, so ask the parent whether it lists the key.
    private static bool IsPresent(IConfiguration configuration, IConfigurationSection section)
    {
        if (section.Value is not null || section.GetChildren().Any())
        {
            return true;
        }

        string? parentPath = ConfigurationPath.GetParentPath(section.Path);
        IEnumerable<IConfigurationSection> siblings = parentPath is null
            ? configuration.GetChildren()
            : configuration.GetSection(parentPath).GetChildren();
        return siblings.Any(s => string.Equals(s.Key, section.Key, StringComparison.OrdinalIgnoreCase));
    }

    private static void AppendNode(StringBuilder text, IConfigurationSection section, int level)
    {
        IConfigurationSection[] children = [.. section.GetChildren()];
        if (children.Length == 0)
        {
            if (section.Value is null)
            {
                text.Append("null");
            }
            else
            {
                AppendQuoted(text, section.Value);
            }

            return;
        }

        if (IsArray(children))
        {
            text.Append("[\n");
            IConfigurationSection[] items = [.. children.OrderBy(c => int.Parse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture))];
            for (int i = 0; i < items.Length; i++)
            {
                AppendIndent(text, level + 1);
                AppendNode(text, items[i], level + 1);
                text.Append(i < items.Length - 1 ? ",\n" : "\n");
            }

            AppendIndent(text, level);
            text.Append(']');
            return;
        }

        text.Append("{\n");
        foreach (IConfigurationSection child in children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (child.Value is null && !child.GetChildren().Any())
            {
                continue; // null or empty: Akka's default stands (see remarks)
            }

            AppendIndent(text, level + 1);
            AppendQuoted(text, child.Key);
            text.Append(" = ");
            AppendNode(text, child, level + 1);
            text.Append('\n');
        }

        AppendIndent(text, level);
        text.Append('}');
    }

    // Array elements are named 0..n-1 exactly as the flattener writes them ("0", never "00").
    private static bool IsArray(IConfigurationSection[] children)
    {
        var indexes = new HashSet<int>();
        foreach (IConfigurationSection child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || index >= children.Length
                || index.ToString(CultureInfo.InvariantCulture) != child.Key
                || !indexes.Add(index))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendIndent(StringBuilder text, int level)
    {
        for (int i = 0; i < level; i++)
        {
            text.Append(Indent);
        }
    }

    // RFC 8259 section 7: '"', '\' and control characters escaped; HOCON's quoted strings are JSON's.
    private static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
