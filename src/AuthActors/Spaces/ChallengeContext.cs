using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>A challenge that answered a request of this space.</summary>
/// <param name="Challenge">The challenge chosen for this space among all the response offered.</param>
/// <param name="Lease">The lease the request carried, when this space issued it under the
/// current credential; null for a request that carried no credential of this space.</param>
/// <param name="HasBody">Whether the request has a body.</param>
public readonly record struct ChallengeContext(AuthChallenge Challenge, AuthLease? Lease, bool HasBody);
