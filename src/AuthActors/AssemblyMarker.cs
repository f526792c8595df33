namespace AuthActors;

/// <summary>Anchors the library assembly for reflection (tests, configuration binding).</summary>
internal static class AssemblyMarker
{
}
