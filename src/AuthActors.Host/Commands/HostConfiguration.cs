using AuthActors.Configuration;
using AuthActors.Http;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Host.Commands;

/// <summary>
/// The host's configuration, in layers, each overriding the one before key by key:
/// reference.conf (embedded in the library), then <c>--config FILE</c> (HOCON), then environment
/// variables named <c>AUTHACTORS__SECTION__KEY</c>, then <c>--set KEY=VALUE</c> on the command line.
/// </summary>
/// <remarks>
/// Environment names: segments split on <c>__</c>, and inside a segment <c>_</c> stands for the
/// <c>-</c> of kebab-case keys that shells cannot write, so
/// <c>AUTHACTORS__SPACES__LEASE_MODE=shared</c> sets <c>authactors.spaces.lease-mode</c>. (The
/// credential source's own variables, <c>AUTHACTORS_CRED_...</c>, have one underscore and are not
/// read here.)
/// </remarks>
internal static class HostConfiguration
{
    /// <summary>The prefix of configuration environment variables.</summary>
    public const string EnvironmentPrefix = "AUTHACTORS__";

    /// <summary>The section that configures Akka.NET, read from the same layers (reference.conf has none).</summary>
    public const string AkkaSectionName = "akka";

    /// <summary>The name of the lowest layer, as <c>config --origins</c> prints it.</summary>
    public const string ReferenceLayer = "reference.conf";

    /// <summary>Builds the layers. A missing or malformed <paramref name="configFile"/> throws (a <see cref="FileNotFoundException"/> or the HOCON parser's error, naming the file).</summary>
    public static HostConfigurationLayers Build(string? configFile, IReadOnlyDictionary<string, string> environment, IReadOnlyList<KeyValuePair<string, string?>> settings)
    {
        var builder = new ConfigurationBuilder();
        var names = new List<string> { ReferenceLayer };
        builder.AddAuthActorsReference();
        if (configFile is not null)
        {
            string full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"the configuration file '{configFile}' does not exist", configFile);
            }

            builder.AddHoconFile(full, optional: false, reloadOnChange: false);
            names.Add(configFile);
        }

        builder.AddInMemoryCollection(FromEnvironment(environment));
        names.Add("environment");
        builder.AddInMemoryCollection(settings);
        names.Add("command line");
        return new HostConfigurationLayers(builder.Build(), names);
    }

    /// <summary>
    /// What went wrong building the layers, as one line for the console. A HOCON error (which
    /// <see cref="FileConfigurationProvider"/> wraps in an <see cref="InvalidDataException"/>)
    /// becomes <c>FILE:LINE:COLUMN: REASON</c>, the file named as the user wrote it.
    /// </summary>
    /// <param name="error">What <see cref="Build"/> or <see cref="Validate"/> threw.</param>
    /// <param name="configFile">The <c>--config</c> file as given on the command line, or null.</param>
    public static string DescribeError(Exception error, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(error);
        HoconException? hocon = null;
        for (Exception? e = error; e is not null && hocon is null; e = e.InnerException)
        {
            hocon = e as HoconException;
        }

        string text = hocon switch
        {
            { FileName: not null } => $"{InConfigFile(hocon.FileName, configFile)}:{hocon.Line}:{hocon.Column}: {hocon.Reason}",
            not null => $"{configFile ?? "configuration"}: {hocon.Message}",
            null when error is InvalidDataException { InnerException: { } inner } && configFile is not null => $"{configFile}: {inner.Message}",
            null => error.Message,
        };
        return text.ReplaceLineEndings(" ").Trim();
    }

    // The file is added through a file provider rooted at its own directory, so the parser names
    // it, and the files it includes, relative to that directory.
    private static string InConfigFile(string fileName, string? configFile) =>
        configFile is null || Path.IsPathRooted(fileName)
            ? fileName
            : Path.Combine(Path.GetDirectoryName(configFile) ?? "", fileName);

    /// <summary>The configuration keys set by <c>AUTHACTORS__...</c> variables.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        foreach ((string name, string value) in environment)
        {
            if (name.Length <= EnvironmentPrefix.Length || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string[] segments = name[EnvironmentPrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                continue;
            }

            string key = AuthActorsOptions.SectionName + ":" + string.Join(':', segments.Select(s => s.Replace('_', '-').ToLowerInvariant()));
            yield return KeyValuePair.Create(key, (string?)value);
        }
    }

    /// <summary>
    /// One <c>--set</c> value: <c>KEY=VALUE</c> where KEY is a path below <c>authactors</c> written
    /// with dots or colons (<c>spaces.lease-mode=shared</c>); a leading <c>authactors.</c> is allowed.
    /// A path that starts with <c>akka.</c> is a setting of the <c>akka</c> section instead
    /// (<c>akka.loglevel=DEBUG</c>); its case is kept, since Akka's keys are case-sensitive.
    /// </summary>
    public static bool TryParseSetting(string text, out KeyValuePair<string, string?> setting, out string? error)
    {
        setting = default;
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string key = equals < 0 ? "" : text[..equals].Trim().Replace('.', ':');
        if (equals <= 0 || key.Length == 0 || key.Split(':').Any(s => s.Length == 0))
        {
            // The value is not echoed: it may be a password.
            error = "expected KEY=VALUE with a key such as spaces.lease-mode or akka.loglevel";
            return false;
        }

        if (key.StartsWith(AkkaSectionName + ":", StringComparison.OrdinalIgnoreCase))
        {
            key = AkkaSectionName + key[AkkaSectionName.Length..];
        }
        else
        {
            if (!key.StartsWith(AuthActorsOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase))
            {
                key = AuthActorsOptions.SectionName + ":" + key;
            }

            key = key.ToLowerInvariant();
        }

        setting = KeyValuePair.Create(key, (string?)text[(equals + 1)..]);
        error = null;
        return true;
    }

    /// <summary>
    /// Binds the <c>authactors</c> section once to find a bad value before anything starts, and
    /// lists keys nothing reads. Throws <see cref="InvalidOperationException"/> naming a bad key.
    /// </summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(AuthActorsOptions.SectionName);
        var options = new AuthActorsOptions();
        AuthActorsConfigurationBinder.Bind(section, options);
        if (AuthActorsConfigurationBinder.Problems(options) is [string problem, ..])
        {
            throw new InvalidOperationException(problem);
        }

        return [.. AuthActorsConfigurationBinder.UnknownKeys(section).Select(k => AuthActorsOptions.SectionName + ":" + k)];
    }
}
