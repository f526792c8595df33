namespace AuthActors.Configuration;

/// <summary>
/// A resolved HOCON value: an <see cref="HoconObject"/>, a <see cref="HoconArray"/> or a
/// <see cref="HoconScalar"/>. Values are immutable; substitutions, includes and concatenations
/// are gone by the time a value exists. <see cref="object.ToString"/> is not overridden, so a
/// value never prints its content by accident (it may hold a password).
/// </summary>
internal abstract class HoconValue
{
    private protected HoconValue()
    {
    }

    /// <summary>The JSON type of this value.</summary>
    public abstract HoconValueKind Kind { get; }

    /// <summary>How many objects and arrays are nested in this value, itself included (0 for a scalar).</summary>
    internal abstract int Depth { get; }

    /// <summary>Writes this value as compact JSON; numbers appear as written in the HOCON text.</summary>
    public string ToJson() => ToJson(indented: false, redactKeys: null);

    /// <summary>Writes this value as JSON.</summary>
    /// <param name="indented">True to indent nested values by two spaces per level.</param>
    /// <param name="redactKeys">
    /// Field names (compared ignoring case) whose non-null scalar values are written as
    /// <c>"***"</c>, e.g. <c>password</c>; null to write every value.
    /// </param>
    public string ToJson(bool indented, IEnumerable<string>? redactKeys = null)
    {
        var writer = new HoconJsonWriter(indented, redactKeys);
        writer.Write(this);
        return writer.ToString();
    }
}
