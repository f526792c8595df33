using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors fetch URL</c>: one request through AuthActors, curl-like. Prints the body; exits
/// 0 on 2xx, 1 with a one-line reason otherwise, 2 on a usage error.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(HostConsole console)
    {
        var url = new Argument<string>("url") { Description = "The http:// or https:// URL to fetch." };
        var client = new ClientOptions();
        var method = new Option<HttpMethod?>("--request", "-X")
        {
            Description = "The method; the default is GET, or POST with --data.",
            HelpName = "METHOD",
            CustomParser = r => OptionParsing.ParseOne<HttpMethod?>(r, null, "--request", static (string text, out HttpMethod? value, out string? error) =>
            {
                // RFC 9110 §9.1: a method is a token.
                bool ok = text.Length > 0 && text.All(c => c > ' ' && c < 127 && !"\"(),/:;<=>?@[\\]{}".Contains(c, StringComparison.Ordinal));
                value = ok ? HttpMethod.Parse(text) : null;
                error = ok ? null : $"'{text}' is not an HTTP method";
                return ok;
            }),
        };
        var data = new Option<string?>("--data", "-d")
        {
            Description = "Send TEXT as the body, or the bytes of FILE with @FILE (@- for standard input). Content-Type defaults to application/x-www-form-urlencoded, as curl's.",
            HelpName = "TEXT|@FILE",
        };
        var headers = new Option<KeyValuePair<string, string>[]>("--header", "-H")
        {
            Description = "Add a header, 'Name: value'; repeatable.",
            HelpName = "HEADER",
            CustomParser = result =>
            {
                var list = new List<KeyValuePair<string, string>>(result.Tokens.Count);
                foreach (Token token in result.Tokens)
                {
                    int colon = token.Value.IndexOf(':', StringComparison.Ordinal);
                    string name = colon < 0 ? "" : token.Value[..colon].Trim();
                    if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127))
                    {
                        // Not echoed: a header value may be a token.
                        result.AddError("--header: expected 'Name: value'");
                        return [];
                    }

                    list.Add(KeyValuePair.Create(name, token.Value[(colon + 1)..].Trim()));
                }

                return [.. list];
            },
        };
        var include = new Option<bool>("--include", "-i") { Description = "Print the response status line and headers before the body." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request and response header on stderr (credentials masked)." };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "Write the body to FILE instead of standard output.", HelpName = "FILE" };
        var head = new Option<bool>("--head", "-I") { Description = "Send HEAD and print the status line and headers." };
        var fail = new Option<bool>("--fail", "-f") { Description = "On an HTTP error (4xx, 5xx) print no body; the exit code (22) says it." };
        var silent = new Option<bool>("--silent", "-s") { Description = "No error line on stderr; the exit code says what happened (7 no connection, 22 HTTP error, 28 timeout)." };
        var location = new Option<bool>("--location", "-L") { Description = "Follow redirects, each hop authenticated by its own origin: the default, accepted as curl users type it." };

        var command = new Command("fetch", "Send one request through AuthActors (Basic, Digest or Bearer, as the server asks) and print the body, curl-like. Exit codes: 0 ok, 1 failed, 2 usage, 7 no connection, 22 HTTP error, 28 timeout.")
        {
            url, method, data, headers, include, verbose, output, head, fail, silent, location,
        };
        client.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            string text = result.GetValue(url) ?? "";
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps) || target.Host.Length == 0)
            {
                await console.Error.WriteLineAsync($"fetch: '{SecretMasking.MaskUrlInput(text)}' is not an http:// or https:// URL").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (!client.TryRead(result, out ClientSettings settings, out string? error, console.ReadSecret))
            {
                await console.Error.WriteLineAsync("fetch: " + error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // --data TEXT is the text's UTF-8 bytes; @FILE and @- are streamed as they are.
            string? dataValue = result.GetValue(data);
            byte[]? body = dataValue is null || dataValue.StartsWith('@') ? null : Encoding.UTF8.GetBytes(dataValue);
            string? bodyFile = dataValue is not null && dataValue.StartsWith('@') ? dataValue[1..] : null;
            if (bodyFile is not null and not "-" && !File.Exists(bodyFile))
            {
                await console.Error.WriteLineAsync($"fetch: --data: no such file '{bodyFile}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            HostConfigurationLayers? layers = await client.Configuration.TryBuildAsync(result, console, "fetch").ConfigureAwait(false);
            if (layers is null)
            {
                return ExitCodes.Usage;
            }

            var request = new FetchRequest
            {
                Url = target,
                Method = result.GetValue(method) ?? (result.GetValue(head) ? HttpMethod.Head : dataValue is null ? HttpMethod.Get : HttpMethod.Post),
                Body = body,
                BodyFile = bodyFile,
                Headers = result.GetValue(headers) ?? [],
                Include = result.GetValue(include) || result.GetValue(head),
                Head = result.GetValue(head),
                Fail = result.GetValue(fail),
                Silent = result.GetValue(silent),
                Verbose = result.GetValue(verbose),
                OutputPath = result.GetValue(output),
                Client = settings,
            };
            return await JobHost.RunAsync(
                console,
                layers.Root,
                // Only errors: the one-line reason says what went wrong; warnings would repeat it.
                LogLevel.Error,
                services =>
                {
                    ClientServices.Add(services, settings, [target], request.Verbose ? console.Error : null);
                    services.AddSingleton(request);
                    services.AddHostedService<FetchJob>();
                },
                ct).ConfigureAwait(false);
        });
        return command;
    }
}
