using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>The outcome of <see cref="AuthSchemeRegistry.Select"/>: a scheme and its challenge, or why none.</summary>
/// <param name="Scheme">The scheme that answers, or null.</param>
/// <param name="Challenge">The chosen challenge, or null.</param>
/// <param name="Realm">Its realm (names the protection space).</param>
/// <param name="Reason">Why nothing was usable, when <paramref name="Scheme"/> is null.</param>
public readonly record struct SchemeSelection(IAuthScheme? Scheme, AuthChallenge? Challenge, string? Realm, string? Reason);
