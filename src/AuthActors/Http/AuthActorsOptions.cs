using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Http;

/// <summary>
/// All settings of AuthActors, bound from the <c>authactors</c> configuration section
/// (hocon/reference.conf lists every key with its default; <see cref="AuthActorsConfigurationBinder"/>
/// reads HOCON durations such as <c>30s</c> and sizes such as <c>1MiB</c>).
/// </summary>
public sealed class AuthActorsOptions
{
    /// <summary>The configuration section: <c>authactors</c>.</summary>
    public const string SectionName = "authactors";

    /// <summary>How long the handler waits for a space actor. The default value is 5 seconds.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Protection spaces: passivation, discovery, nonce leases.</summary>
    public AuthActorsSpacesOptions Spaces { get; set; } = new();

    /// <summary>The handler: buffering, rspauth, redirects, proxy.</summary>
    public AuthActorsHandlerOptions Handler { get; set; } = new();

    /// <summary>Which challenges may be answered.</summary>
    public AuthActorsPolicyOptions Policy { get; set; } = new();

    /// <summary>The Bearer scheme: token endpoint and scope.</summary>
    public AuthActorsBearerOptions Bearer { get; set; } = new();

    /// <summary>How failing spaces are restarted.</summary>
    public AuthActorsSupervisionOptions Supervision { get; set; } = new();

    /// <summary>Where credentials come from.</summary>
    public AuthActorsCredentialsOptions Credentials { get; set; } = new();

    /// <summary>Cluster mode: spaces shared across a fleet of processes.</summary>
    public AuthActorsClusterOptions Cluster { get; set; } = new();

    /// <summary>Values configuration held that did not parse, each naming its key; reported when
    /// the options are validated (at host start), not thrown while binding.</summary>
    internal List<string> BindErrors { get; } = [];

    /// <summary>The settings the space actors follow.</summary>
    public SpaceSettings ToSpaceSettings() => new SpaceSettings
    {
        AskTimeout = AskTimeout,
        PassivateAfter = Spaces.PassivateAfter,
        DiscoveryTimeout = Spaces.DiscoveryTimeout,
        MaxNoncePool = Spaces.MaxNoncePool,
        LeaseMode = Spaces.LeaseMode,
        RejectionRetryAfter = Spaces.RejectionRetryAfter,
        MaxRestarts = Supervision.MaxRestarts,
        RestartWindow = Supervision.Within,
        Policy = new ChallengePolicy
        {
            AllowMd5 = Policy.AllowMd5,
            AllowBasic = Policy.AllowBasic,
            AllowBasicOverHttp = Policy.AllowBasicOverHttp,
            MinimumAlgorithm = Policy.MinimumAlgorithm,
            AllowDomainAcrossOrigins = Policy.DigestDomainAcrossOrigins,
            AllowDowngrade = Policy.AllowDowngrade,
        },
    }.Validate();
}
