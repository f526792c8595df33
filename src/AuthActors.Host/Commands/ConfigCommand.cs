using System.CommandLine;
using AuthActors.Http;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors config</c>: the effective configuration (reference.conf, then <c>--config</c>,
/// then <c>AUTHACTORS__...</c> environment variables, then <c>--set</c>) as JSON, secrets masked;
/// with <c>--akka</c>, the <c>akka</c> section from the same layers too.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(HostConsole console)
    {
        var configuration = new ConfigurationOptions();
        var origins = new Option<bool>("--origins") { Description = "Print one line per setting with the layer it came from, instead of JSON." };
        var akka = new Option<bool>("--akka") { Description = "Also show the 'akka' section, Akka.NET's settings (from --config and --set akka.KEY=VALUE), secrets masked." };
        var command = new Command("config", "Show the effective AuthActors configuration as JSON (reference.conf, --config, environment, --set), secrets masked.")
        {
            origins, akka,
        };
        configuration.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            HostConfigurationLayers? layers = await configuration.TryBuildAsync(result, console, "config").ConfigureAwait(false);
            if (layers is null)
            {
                return ExitCodes.Usage;
            }

            IConfigurationSection[] sections = result.GetValue(akka)
                ? [layers.Root.GetSection(AuthActorsOptions.SectionName), layers.Root.GetSection(HostConfiguration.AkkaSectionName)]
                : [layers.Root.GetSection(AuthActorsOptions.SectionName)];
            if (!result.GetValue(origins))
            {
                await console.Out.WriteLineAsync(ConfigurationJson.Write(sections)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach ((string key, string? value) in sections.SelectMany(ConfigurationJson.Leaves))
            {
                await console.Out.WriteLineAsync($"{key} = {value ?? "null"}    # {layers.OriginOf(key)}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
