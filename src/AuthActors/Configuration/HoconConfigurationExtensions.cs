using AuthActors.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Configuration;

/// <summary>
/// Adds HOCON sources to an <see cref="IConfigurationBuilder"/>, with the same overloads as
/// <c>AddJsonFile</c>. Each source is parsed and resolved on its own: a substitution in one file
/// cannot see settings from another layer; later layers override earlier ones key by key.
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>The manifest resource name of the embedded reference.conf.</summary>
    public const string ReferenceResourceName = "AuthActors.reference.conf";

    /// <summary>Adds a required HOCON file, not reloaded on change.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's file provider (by default the app's base path), or absolute.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path)
        => AddHoconFile(builder, provider: null, path, optional: false, reloadOnChange: false);

    /// <summary>Adds a HOCON file, not reloaded on change.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's file provider, or absolute.</param>
    /// <param name="optional">True if a missing file is not an error.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional)
        => AddHoconFile(builder, provider: null, path, optional, reloadOnChange: false);

    /// <summary>Adds a HOCON file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, relative to the builder's file provider, or absolute.</param>
    /// <param name="optional">True if a missing file is not an error.</param>
    /// <param name="reloadOnChange">True to reload (and fire the configuration's reload token) when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange)
        => AddHoconFile(builder, provider: null, path, optional, reloadOnChange);

    /// <summary>Adds a HOCON file read through <paramref name="provider"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The file provider, or null for the builder's (or, for an absolute path, one on the file's directory).</param>
    /// <param name="path">The file, relative to the provider.</param>
    /// <param name="optional">True if a missing file is not an error.</param>
    /// <param name="reloadOnChange">True to reload when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, IFileProvider? provider, string path, bool optional, bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file configured by <paramref name="configureSource"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureSource">Sets the source's path, optionality, reload and parse options.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, Action<HoconConfigurationSource>? configureSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(configureSource);
    }

    /// <summary>Adds HOCON read once from <paramref name="stream"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="stream">The HOCON text as UTF-8 (a byte order mark is honoured).</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconStream(this IConfigurationBuilder builder, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        return builder.Add<HoconStreamConfigurationSource>(s => s.Stream = stream);
    }

    /// <summary>Adds HOCON text held in memory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON text.</param>
    /// <param name="name">The name errors are reported under; the default value is <c>&lt;string&gt;</c>.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(new HoconTextConfigurationSource(text, name ?? "<string>", options: null));
    }

    /// <summary>
    /// Adds AuthActors' reference.conf (every setting with its default, embedded in the library)
    /// as the lowest layer, under every source already added, whenever it is called; a second
    /// call adds nothing.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddAuthActorsReference(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Sources.Any(s => s is HoconTextConfigurationSource { IsReference: true }))
        {
            builder.Sources.Insert(0, new HoconTextConfigurationSource(ReadReference(), "reference.conf", options: null) { IsReference = true });
        }

        return builder;
    }

    /// <summary>
    /// Adds AuthActors' reference.conf (lowest) and the HOCON file <paramref name="path"/> where a
    /// settings file belongs in the host's order: over the sources already added (appsettings.json
    /// and its environment's file), under user secrets, environment variables and the command
    /// line, so that those still override the file as they override appsettings.json.
    /// </summary>
    /// <param name="builder">The builder (an app's <c>builder.Configuration</c>).</param>
    /// <param name="path">The file, relative to the builder's file provider (the content root), or absolute.</param>
    /// <param name="optional">True if a missing file is not an error.</param>
    /// <param name="reloadOnChange">True to reload when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddAuthActorsHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.AddAuthActorsReference();
        var file = new HoconConfigurationSource { Path = path, Optional = optional, ReloadOnChange = reloadOnChange };
        file.ResolveFileProvider();
        int overrides = 0;
        while (overrides < builder.Sources.Count && !IsOverride(builder.Sources[overrides]))
        {
            overrides++;
        }

        builder.Sources.Insert(overrides, file);
        return builder;

        // The layers a host puts over its settings files; matched by name, so that AuthActors
        // needs no reference to the packages that define them.
        static bool IsOverride(IConfigurationSource source) =>
            source.GetType().Name is "EnvironmentVariablesConfigurationSource" or "CommandLineConfigurationSource"
            || (source is FileConfigurationSource { Path: "secrets.json" });
    }

    /// <summary>The text of the embedded reference.conf.</summary>
    /// <returns>The HOCON text.</returns>
    public static string ReadReference()
    {
        using Stream stream = typeof(HoconParser).Assembly.GetManifestResourceStream(ReferenceResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ReferenceResourceName}' is missing from {typeof(HoconParser).Assembly.GetName().Name}.");
        return HoconConfigurationProvider.ReadText(stream);
    }
}
