namespace AuthActors.Host.Server;

/// <summary>The counters of a <see cref="DigestServerStats"/> at one moment; see there for what each counts.</summary>
public sealed record DigestServerStatsSnapshot(
    long Requests,
    long Succeeded,
    long Challenges,
    long StaleChallenges,
    long NcReplays,
    long NcOutOfOrder,
    long BadCredentials,
    long BasicOk,
    long OpenRequests,
    long NoncesIssued,
    long TokenRequests,
    long TokensIssued,
    long BearerOk,
    long InvalidTokens);
