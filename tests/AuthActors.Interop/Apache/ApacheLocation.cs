namespace AuthActors.Interop.Apache;

/// <summary>One protected directory of the generated Apache config (a realm of its own).</summary>
/// <param name="Path">URL path prefix, e.g. <c>/nc-on/</c>; a file <c>a.txt</c> is served under it.</param>
/// <param name="Realm">The Digest realm (AuthName).</param>
/// <param name="NcCheck">AuthDigestNcCheck On or Off.</param>
/// <param name="NonceLifetimeSeconds">AuthDigestNonceLifetime.</param>
internal sealed record ApacheLocation(string Path, string Realm, bool NcCheck, int NonceLifetimeSeconds);
