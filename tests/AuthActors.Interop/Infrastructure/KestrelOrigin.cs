using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Interop.Infrastructure;

/// <summary>A tiny in-process HTTP/1.1 server on 127.0.0.1 (a free port) answering with one delegate.</summary>
internal sealed class KestrelOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelOrigin(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<KestrelOrigin> StartAsync(RequestDelegate handler)
    {
        // The empty builder reads no environment or appsettings: it binds exactly where it is told.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new KestrelOrigin(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound.Port}/")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
