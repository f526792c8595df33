namespace AuthActors.Spaces;

/// <summary>What a space knows of a request when it leases a header for it.</summary>
/// <param name="Path">The request path, for schemes that scope by path.</param>
/// <param name="HasBody">Whether the request has a body (Digest may then need auth-int).</param>
public readonly record struct LeaseContext(string Path, bool HasBody);
