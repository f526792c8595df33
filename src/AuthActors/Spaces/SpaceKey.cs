namespace AuthActors.Spaces;

/// <summary>
/// A protection space (RFC 7235 §2.2): an origin plus the realm its server named in the challenge.
/// Each one is owned by exactly one actor.
/// </summary>
public readonly record struct SpaceKey(OriginKey Origin, string Realm)
{
    /// <inheritdoc />
    public override string ToString() => $"{Origin} realm \"{Realm}\"";
}
