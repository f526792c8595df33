using System.CommandLine;
using System.CommandLine.Parsing;
using AuthActors.Configuration;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>--config FILE</c> and <c>--set KEY=VALUE</c>, shared by <c>config</c>, <c>fetch</c> and
/// <c>crawl</c>; builds the layered configuration of <see cref="HostConfiguration"/>.
/// </summary>
internal sealed class ConfigurationOptions
{
    public Option<string?> ConfigFile { get; } = new("--config")
    {
        Description = "A HOCON file layered over the built-in reference.conf (then AUTHACTORS__... environment variables, then --set).",
        HelpName = "FILE",
    };

    public Option<KeyValuePair<string, string?>[]> Set { get; } = new("--set")
    {
        Description = "Override one setting, e.g. --set spaces.lease-mode=shared (a path below 'authactors'), or --set akka.loglevel=DEBUG (a path starting with 'akka.'); repeatable.",
        HelpName = "KEY=VALUE",
        CustomParser = result =>
        {
            var settings = new List<KeyValuePair<string, string?>>(result.Tokens.Count);
            foreach (Token token in result.Tokens)
            {
                if (!HostConfiguration.TryParseSetting(token.Value, out KeyValuePair<string, string?> setting, out string? error))
                {
                    result.AddError($"--set: {error}");
                    return [];
                }

                settings.Add(setting);
            }

            return [.. settings];
        },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ConfigFile);
        command.Options.Add(Set);
    }

    /// <summary>
    /// Builds and checks the configuration. On a missing or malformed file or a bad value, writes
    /// one line to <see cref="HostConsole.Error"/> (a HOCON error with its file, line and column)
    /// and returns null; unknown keys are warned about.
    /// </summary>
    public async Task<HostConfigurationLayers?> TryBuildAsync(ParseResult result, HostConsole console, string command)
    {
        string? file = result.GetValue(ConfigFile);
        try
        {
            HostConfigurationLayers layers = HostConfiguration.Build(file, console.GetEnvironment(), result.GetValue(Set) ?? []);
            foreach (string unknown in HostConfiguration.Validate(layers.Root))
            {
                await console.Error.WriteLineAsync($"{command}: warning: configuration key '{unknown}' is not a setting AuthActors reads").ConfigureAwait(false);
            }

            return layers;
        }
        catch (Exception e) when (e is FileNotFoundException or HoconException or InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{command}: {HostConfiguration.DescribeError(e, file)}").ConfigureAwait(false);
            return null;
        }
    }
}
