using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>Loads in-memory HOCON text into configuration key/value pairs.</summary>
internal sealed class HoconTextConfigurationProvider : ConfigurationProvider
{
    private readonly HoconTextConfigurationSource _source;

    public HoconTextConfigurationProvider(HoconTextConfigurationSource source)
    {
        _source = source;
    }

    public override void Load()
        => Data = HoconFlattener.Flatten(HoconParser.Parse(_source.Text, _source.Name, _source.Options));

    public override string ToString() => $"{nameof(HoconTextConfigurationProvider)} for '{_source.Name}'";
}
