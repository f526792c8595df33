namespace AuthActors.Configuration;

/// <summary>
/// A string, number, boolean or null. <see cref="Text"/> keeps numbers as written in the file
/// (HOCON.md, "Value concatenation": <c>1e5</c> stays <c>1e5</c>), which is also how the
/// configuration flattener passes them on.
/// </summary>
internal sealed class HoconScalar : HoconValue
{
    private HoconScalar(HoconValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The JSON null value.</summary>
    internal static HoconScalar Null { get; } = new(HoconValueKind.Null, "null");

    internal static HoconScalar True { get; } = new(HoconValueKind.Boolean, "true");

    internal static HoconScalar False { get; } = new(HoconValueKind.Boolean, "false");

    /// <inheritdoc/>
    public override HoconValueKind Kind { get; }

    /// <summary>
    /// The value as text: a string's characters, a number as written, <c>true</c>/<c>false</c>,
    /// or <c>null</c> for the null value.
    /// </summary>
    public string Text { get; }

    /// <summary>The value as configuration sees it: <see cref="Text"/>, or null for the null value.</summary>
    public string? Value => Kind == HoconValueKind.Null ? null : Text;

    internal override int Depth => 0;

    internal static HoconScalar String(string text) => new(HoconValueKind.String, text);

    /// <summary>A number; <paramref name="text"/> must already be a valid JSON number.</summary>
    internal static HoconScalar Number(string text) => new(HoconValueKind.Number, text);
}
