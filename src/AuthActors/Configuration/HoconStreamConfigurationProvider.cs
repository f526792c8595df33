using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>Loads HOCON from a stream into configuration key/value pairs.</summary>
public sealed class HoconStreamConfigurationProvider : StreamConfigurationProvider
{
    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public HoconStreamConfigurationProvider(HoconStreamConfigurationSource source)
        : base(source)
    {
    }

    /// <inheritdoc/>
    /// <exception cref="HoconException">The text is not valid HOCON or cannot be resolved.</exception>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        HoconParseOptions? options = ((HoconStreamConfigurationSource)Source).ParseOptions;
        Data = HoconFlattener.Flatten(HoconParser.Parse(HoconConfigurationProvider.ReadText(stream), "<stream>", options));
    }
}
