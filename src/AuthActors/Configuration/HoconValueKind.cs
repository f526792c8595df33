using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Configuration;

/// <summary>The JSON type of a resolved HOCON value (HOCON.md, "Unchanged from JSON").</summary>
internal enum HoconValueKind
{
    // CA1720: these are the JSON type names, as in System.Text.Json's JsonValueKind.
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "JSON type names, as in JsonValueKind.")]
    Object,
    Array,
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "JSON type names, as in JsonValueKind.")]
    String,
    Number,
    Boolean,
    Null,
}
