using System.Text;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Configuration;

/// <summary>Loads a HOCON file into configuration key/value pairs (see <see cref="HoconFlattener"/>).</summary>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
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
    }

    internal static string ReadText(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
