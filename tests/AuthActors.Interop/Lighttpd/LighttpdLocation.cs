using AuthActors.Protocol;

namespace AuthActors.Interop.Lighttpd;

/// <summary>One protected path of the generated lighttpd config.</summary>
/// <param name="Path">URL path prefix, e.g. <c>/sha256/</c>; a file <c>a.txt</c> is served under it.</param>
/// <param name="Realm">The Digest realm.</param>
/// <param name="Algorithms">What lighttpd's <c>"algorithm"</c> option offers (joined with '|').</param>
internal sealed record LighttpdLocation(string Path, string Realm, IReadOnlyList<DigestAlgorithm> Algorithms);
