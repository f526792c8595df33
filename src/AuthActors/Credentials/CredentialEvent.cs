namespace AuthActors.Credentials;

/// <summary>
/// Something that happened while finding or using credentials. Scrubbed by construction: it has
/// no field for a password, a hash of one, a digest response or an Authorization value, and its
/// <see cref="Origin"/> is reduced to <c>scheme://host:port</c> with no user-info. Its
/// <see cref="object.ToString"/> and JSON serialization show only these fields.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Origin">The origin (or proxy origin) of the protection space.</param>
/// <param name="Realm">The realm, or <see langword="null"/>.</param>
/// <param name="Scheme">The authentication scheme, e.g. <c>"Digest"</c>.</param>
/// <param name="IsProxy">Whether the space is a proxy's.</param>
/// <param name="Source">The name of the source the event is charged to, or <see langword="null"/> when none is.</param>
/// <param name="UserName">The user name involved, or <see langword="null"/>. A user name is not a secret.</param>
/// <param name="Reason">A human-readable reason naming the source; never a secret.</param>
public sealed record CredentialEvent(CredentialEventKind Kind, Uri Origin, string? Realm, string Scheme, bool IsProxy, string? Source, string? UserName, string Reason)
{
    private readonly Uri _origin = OriginText.Normalize(Origin, nameof(Origin));

    /// <summary>The origin, reduced to <c>scheme://host:port</c> with no user-info.</summary>
    public Uri Origin
    {
        get => _origin;
        init => _origin = OriginText.Normalize(value, nameof(Origin));
    }

    internal static CredentialEvent For(CredentialEventKind kind, CredentialRequest request, string? source, string? userName, string reason) =>
        new(kind, request.Origin, request.Realm, request.Scheme, request.IsProxy, source, userName, reason);
}
