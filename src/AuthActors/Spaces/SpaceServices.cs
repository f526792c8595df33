using AuthActors.Credentials;
using AuthActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AuthActors.Spaces;

/// <summary>What every space actor of one runtime shares: read-only services, no mutable state.</summary>
internal sealed record SpaceServices(
    CredentialChain Chain,
    SpaceSettings Settings,
    AuthSchemeRegistry Schemes,
    AuthActorsDiagnostics Diagnostics,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider,
    IFleetNonceCounts? Fleet = null,
    IFleetTokens? FleetTokens = null,
    IFleetChallenges? FleetChallenges = null);
