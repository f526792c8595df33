using System.Text;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>Loads a HOCON file into configuration key/value pairs (see <see cref="HoconFlattener"/>).</summary>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>
    /// Parses the file. Relative includes resolve against the file's own directory, which is
    /// found through the source's file provider (a stream alone has no directory).
    /// </summary>
    /// <exception cref="HoconException">The file is not valid HOCON or cannot be resolved.</exception>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = (HoconConfigurationSource)Source;
        string fileName = source.Path ?? "<stream>";
        string? physicalPath = source.Path is null ? null : source.FileProvider?.GetFileInfo(source.Path).PhysicalPath;
        HoconParseOptions options = source.ParseOptions ?? new HoconParseOptions();
        string baseDirectory = (physicalPath is null ? null : Path.GetDirectoryName(physicalPath))
            ?? options.BaseDirectory
            ?? Environment.CurrentDirectory;
        Data = HoconFlattener.Flatten(HoconParser.Parse(ReadText(stream), fileName, baseDirectory, options));
        ResolveFileSettings(Data, baseDirectory);
    }

    /// <summary>A relative file path in a setting (the netrc file) is relative to the file that
    /// names it, as an include is, not to whatever the working directory is when it is read.</summary>
    internal static void ResolveFileSettings(IDictionary<string, string?> data, string baseDirectory)
    {
        foreach (string key in data.Keys.Where(k => AuthActors.Http.AuthActorsConfigurationBinder.Normalize(k) == "authactors:credentials:netrcfile").ToList())
        {
            if (data[key] is { Length: > 0 } value && value != "null" && !Path.IsPathRooted(value) && !value.StartsWith('~'))
            {
                data[key] = Path.GetFullPath(Path.Combine(baseDirectory, value));
            }
        }
    }

    internal static string ReadText(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
