using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>HOCON text held in memory (AddHoconString, the embedded reference.conf); parsed on every load.</summary>
internal sealed class HoconTextConfigurationSource : IConfigurationSource
{
    public HoconTextConfigurationSource(string text, string name, HoconParseOptions? options)
    {
        Text = text;
        Name = name;
        Options = options;
    }

    public string Text { get; }

    public string Name { get; }

    public HoconParseOptions? Options { get; }

    /// <summary>True for AuthActors' own reference.conf, added once as the lowest layer.</summary>
    public bool IsReference { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconTextConfigurationProvider(this);
}
