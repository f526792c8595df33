using AuthActors.Spaces;

namespace AuthActors.Http;

/// <summary><c>authactors.spaces</c>: see <see cref="SpaceSettings"/> for what each does.</summary>
public sealed class AuthActorsSpacesOptions
{
    /// <summary>The default value is 2 minutes.</summary>
    public TimeSpan PassivateAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The default value is 10 seconds.</summary>
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The default value is 64.</summary>
    public int MaxNoncePool { get; set; } = 64;

    /// <summary>The default value is <see cref="LeaseMode.Auto"/>.</summary>
    public LeaseMode LeaseMode { get; set; } = LeaseMode.Auto;

    /// <summary>The default value is 1 minute.</summary>
    public TimeSpan RejectionRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
