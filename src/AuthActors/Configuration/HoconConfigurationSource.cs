using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>
/// A HOCON file as an <see cref="IConfigurationSource"/>. Optional files, reload on change and
/// file providers work as for JSON files (<see cref="FileConfigurationSource"/>). Only the file
/// itself is watched for changes, not the files it includes.
/// </summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>Environment and include hooks; the default value is null (the real environment and file system).</summary>
    public HoconParseOptions? ParseOptions { get; set; }

    /// <inheritdoc/>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
