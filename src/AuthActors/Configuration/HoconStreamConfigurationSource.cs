using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>HOCON read once from a stream (embedded text); relative includes resolve against <see cref="HoconParseOptions.BaseDirectory"/> or the current directory.</summary>
public sealed class HoconStreamConfigurationSource : StreamConfigurationSource
{
    /// <summary>Environment and include hooks; the default value is null (the real environment and file system).</summary>
    public HoconParseOptions? ParseOptions { get; set; }

    /// <inheritdoc/>
    public override IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconStreamConfigurationProvider(this);
}
