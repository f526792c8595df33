using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthActors.Host.Commands;

/// <summary>
/// Source-generated JSON for the host's machine-readable output (no reflection at run time).
/// <see cref="JsonSerializerContext.Options"/> of <c>Default</c> writes one line (crawl's JSON
/// lines); <see cref="Indented"/> writes reports people read too.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DemoReport))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(CrawlRecord))]
internal sealed partial class HostJsonContext : JsonSerializerContext
{
    /// <summary>The same types, written indented.</summary>
    public static HostJsonContext Indented { get; } = new(new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never });

    /// <summary>Writes <paramref name="value"/> indented to <paramref name="path"/> (replacing it), with a final newline.</summary>
    public static async Task WriteFileAsync<T>(string path, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        FileStream file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(file, value, typeInfo, cancellationToken).ConfigureAwait(false);
            await file.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }
}
