using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;

namespace AuthActors.Interop.Curl;

/// <summary><c>authactors serve</c> as a real child process (the host's own command line), on a free port.</summary>
internal static class ServeProcess
{
    /// <summary>Starts <c>dotnet AuthActors.Host.dll serve --port N --user interop:… args…</c> and waits until it listens.</summary>
    public static Task<ServerProcess> StartAsync(params string[] args)
    {
        string host = typeof(DigestServer).Assembly.Location;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        return ServerProcess.StartAsync(
            port => new ServerLaunch(
                "authactors serve",
                dotnet,
                [host, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--user", $"{InteropUsers.UserName}:{InteropUsers.Password}", .. args],
                Path.GetDirectoryName(host)!,
                port),
            output => output.Contains("cannot listen", StringComparison.Ordinal));
    }
}
