using System.Globalization;
using System.Text;

namespace AuthActors.Configuration;

/// <summary>
/// Writes resolved values as JSON (RFC 8259): only '"', '\' and control characters are escaped,
/// so the text stays readable; numbers are written as they appeared in the HOCON text.
/// </summary>
internal sealed class HoconJsonWriter
{
    private const string Redacted = "***";
    private readonly StringBuilder _sb = new();
    private readonly bool _indented;
    private readonly HashSet<string>? _redactKeys;

    public HoconJsonWriter(bool indented, IEnumerable<string>? redactKeys)
    {
        _indented = indented;
        _redactKeys = redactKeys is null ? null : new HashSet<string>(redactKeys, StringComparer.OrdinalIgnoreCase);
    }

    public void Write(HoconValue value) => Write(value, 0, redact: false);

    public override string ToString() => _sb.ToString();

    private void Write(HoconValue value, int level, bool redact)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    _sb.Append("{}");
                    return;
                }

                _sb.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, HoconValue> field in obj)
                {
                    Separator(ref first, level + 1);
                    WriteString(field.Key);
                    _sb.Append(_indented ? ": " : ":");
                    Write(field.Value, level + 1, _redactKeys?.Contains(field.Key) == true);
                }

                NewLine(level);
                _sb.Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    _sb.Append("[]");
                    return;
                }

                _sb.Append('[');
                bool firstItem = true;
                foreach (HoconValue item in array)
                {
                    Separator(ref firstItem, level + 1);
                    Write(item, level + 1, redact);
                }

                NewLine(level);
                _sb.Append(']');
                return;
            case HoconScalar scalar:
                if (redact && scalar.Kind != HoconValueKind.Null)
                {
                    WriteString(Redacted);
                }
                else if (scalar.Kind == HoconValueKind.String)
                {
                    WriteString(scalar.Text);
                }
                else
                {
                    _sb.Append(scalar.Text);
                }

                return;
            default:
                throw new InvalidOperationException("unknown HOCON value type");
        }
    }

    private void Separator(ref bool first, int level)
    {
        if (!first)
        {
            _sb.Append(',');
        }

        first = false;
        NewLine(level);
    }

    private void NewLine(int level)
    {
        if (_indented)
        {
            _sb.Append('\n').Append(' ', level * 2);
        }
    }

    private void WriteString(string s)
    {
        _sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _sb.Append(c);
                    }

                    break;
            }
        }

        _sb.Append('"');
    }
}
