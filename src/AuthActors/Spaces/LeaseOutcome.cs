namespace AuthActors.Spaces;

/// <summary>How a leased request ended, when it ended without a challenge.</summary>
/// <param name="StatusCode">The response status, or 0 when the request was never answered.</param>
/// <param name="AuthenticationInfo">The Authentication-Info (or Proxy-Authentication-Info) value, if any.</param>
public readonly record struct LeaseOutcome(int StatusCode, string? AuthenticationInfo)
{
    /// <summary>True when a response came back: the credential was accepted.</summary>
    public bool Answered => StatusCode != 0;
}
