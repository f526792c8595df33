using AuthActors.Host.Server;

namespace AuthActors.Interop.Infrastructure;

/// <summary>Settings for the embedded DigestServer used as a healthy origin.</summary>
internal static class InteropServers
{
    /// <summary>The embedded server with the interop account (SHA-256, qop=auth unless changed).</summary>
    public static DigestServerOptions DigestOptions(int port = 0) => new()
    {
        Port = port,
        Users = new Dictionary<string, string> { [InteropUsers.UserName] = InteropUsers.Password },
    };
}
