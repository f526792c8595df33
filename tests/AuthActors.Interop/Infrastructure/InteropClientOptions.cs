using System.Net;
using AuthActors.Spaces;

namespace AuthActors.Interop.Infrastructure;

/// <summary>How an <see cref="InteropClient"/> is put together.</summary>
internal sealed record InteropClientOptions
{
    /// <summary>The default credential, for every origin.</summary>
    public string UserName { get; init; } = InteropUsers.UserName;

    public string Password { get; init; } = InteropUsers.Password;

    /// <summary>Per-origin credentials on top of the default (origin, user, password).</summary>
    public IReadOnlyList<(Uri Origin, string UserName, string Password)> PerOrigin { get; init; } = [];

    /// <summary>When false, no default credential: only <see cref="PerOrigin"/> ones.</summary>
    public bool UseDefaultCredential { get; init; } = true;

    public SpaceSettings? Settings { get; init; }

    /// <summary>A forward proxy: the primary handler sends through it and AuthActors answers its 407s.</summary>
    public IWebProxy? Proxy { get; init; }

    /// <summary>Each request gives up after this. The default value is 20 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Let AuthActors follow redirects. The default value is true (the library's default).</summary>
    public bool FollowRedirects { get; init; } = true;

    /// <summary>Keep every wire exchange for inspection (false: only count them). The default value is true.</summary>
    public bool RecordExchanges { get; init; } = true;

    /// <summary>Last changes to the primary handler (a connect callback, pool limits).</summary>
    public Action<SocketsHttpHandler>? ConfigurePrimary { get; init; }
}
