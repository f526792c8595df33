using Microsoft.Extensions.Configuration;

namespace AuthActors.Host.Commands;

/// <summary>The built configuration and the name of each of its layers, in the order of <see cref="IConfigurationRoot.Providers"/>.</summary>
internal sealed record HostConfigurationLayers(IConfigurationRoot Root, IReadOnlyList<string> LayerNames)
{
    /// <summary>The name of the last layer that sets <paramref name="key"/>, or null.</summary>
    public string? OriginOf(string key)
    {
        IConfigurationProvider[] providers = [.. Root.Providers];
        for (int i = providers.Length - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out _))
            {
                return i < LayerNames.Count ? LayerNames[i] : null;
            }
        }

        return null;
    }
}
