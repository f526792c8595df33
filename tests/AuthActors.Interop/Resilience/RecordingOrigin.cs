using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using AuthActors.Interop.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Interop.Resilience;

/// <summary>
/// An origin protected by Basic auth for one user that records, for every request, the path and
/// whose credentials came with it, and answers with redirects from a route table.
/// </summary>
internal sealed class RecordingOrigin : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, string? User)> _seen = new();
    private KestrelOrigin _server = null!;

    private RecordingOrigin()
    {
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Path → where it redirects (absolute or relative); a path not listed answers 200.</summary>
    public ConcurrentDictionary<string, string> Redirects { get; } = new();

    /// <summary>Every request: its path and the Basic user it carried (null: none; "?": not Basic).</summary>
    public IReadOnlyList<(string Path, string? User)> Seen => [.. _seen];

    public static async Task<RecordingOrigin> StartAsync(string realm, string userName, string password)
    {
        var origin = new RecordingOrigin();
        origin._server = await KestrelOrigin.StartAsync(context => origin.HandleAsync(context, realm, userName, password));
        return origin;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task HandleAsync(HttpContext context, string realm, string userName, string password)
    {
        string path = context.Request.Path.Value ?? "/";
        (string? user, string? pass) = ReadBasic(context.Request.Headers.Authorization.ToString());
        _seen.Enqueue((path, user));
        if (user != userName || pass != password)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{realm}\"";
            return Task.CompletedTask;
        }

        if (Redirects.TryGetValue(path, out string? location))
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        return context.Response.WriteAsync("ok");
    }

    private static (string? User, string? Password) ReadBasic(string header)
    {
        if (header.Length == 0)
        {
            return (null, null);
        }

        if (!AuthenticationHeaderValue.TryParse(header, out AuthenticationHeaderValue? value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return ("?", null);
        }

        string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ("?", null) : (decoded[..colon], decoded[(colon + 1)..]);
    }
}
