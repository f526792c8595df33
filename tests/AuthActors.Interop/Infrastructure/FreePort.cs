using System.Net;
using System.Net.Sockets;

namespace AuthActors.Interop.Infrastructure;

/// <summary>Free TCP ports on 127.0.0.1, for servers that need their port written into a config file.</summary>
internal static class FreePort
{
    /// <summary>A port the OS just handed out and released. Another process could take it before
    /// the server binds, so servers are started through <see cref="ServerProcess"/>, which retries
    /// on a bind failure with a new port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
