using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Protocol;
using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors serve</c>: the embedded Digest server on 127.0.0.1 until Ctrl+C, with its Basic
/// and Bearer paths and OAuth token endpoint. It prints the address, realms, user names and client
/// ids (never passwords or secrets) and logs each request with its status (never a credential).
/// </summary>
internal static class ServeCommand
{
    private const int DefaultPort = 8080;

    private static readonly TimeSpan s_defaultTokenLifetime = TimeSpan.FromSeconds(30);

    public static Command Create(HostConsole console)
    {
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1; 0 picks a free one.",
            DefaultValueFactory = _ => DefaultPort,
            CustomParser = result => OptionParsing.ParseOne(result, DefaultPort, "--port", static (string text, out int value, out string? error) =>
            {
                bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 65535;
                error = ok ? null : $"'{text}' is not a port number (0-65535)";
                return ok;
            }),
        };
        var realm = new Option<string>("--realm")
        {
            Description = "Base realm name: the default realm; path realms are space-N@NAME, Basic basic@NAME, proxy proxy@NAME.",
            DefaultValueFactory = _ => "authactors",
            CustomParser = result => OptionParsing.ParseOne(result, "authactors", "--realm", static (string text, out string value, out string? error) =>
            {
                value = text;
                bool ok = text.Length > 0 && !text.Any(char.IsControl);
                error = ok ? null : "the realm name must be non-empty text without control characters";
                return ok;
            }),
        };
        var realms = new Option<int>("--realms")
        {
            Description = "How many path realms /space/0/ ... /space/N-1/ to serve besides the default realm.",
            DefaultValueFactory = _ => 1,
            CustomParser = result => OptionParsing.ParseOne(result, 1, "--realms", static (string text, out int value, out string? error) =>
            {
                bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 100_000;
                error = ok ? null : $"'{text}' is not a realm count (0-100000)";
                return ok;
            }),
        };
        var algorithm = new Option<DigestAlgorithm[]>("--algorithm")
        {
            Description = $"Digest algorithm to offer; repeat it or give a comma list ({DigestOptionParsers.AlgorithmTokens}). Offered strongest first. Default: SHA-256.",
            HelpName = "ALGORITHM",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return [DigestAlgorithm.Sha256];
                }

                if (!DigestOptionParsers.TryParseAlgorithms(result.Tokens.Select(t => t.Value), out DigestAlgorithm[] algorithms, out string? error))
                {
                    result.AddError($"--algorithm: {error}");
                }

                return algorithms;
            },
        };
        var qop = new Option<DigestQop>("--qop")
        {
            Description = "qop to offer: auth, auth-int, auth,auth-int, or none (the RFC 2069 challenge). Default: auth.",
            HelpName = "QOP",
            CustomParser = result => OptionParsing.ParseOne(result, DigestQop.Auth, "--qop", DigestOptionParsers.TryParseQop),
        };
        var nonceLifetime = new Option<TimeSpan>("--nonce-lifetime")
        {
            Description = "How long a nonce is good for, e.g. 30s, 5m, 1.5h, 500ms; after it the server answers stale=true. Default: 5m.",
            HelpName = "DURATION",
            CustomParser = result => OptionParsing.ParseOne(result, TimeSpan.FromMinutes(5), "--nonce-lifetime", static (string text, out TimeSpan value, out string? error) =>
            {
                bool ok = DurationParser.TryParse(text, out value) && value > TimeSpan.Zero;
                error = ok ? null : $"'{text}' is not a positive duration (e.g. 30s, 5m, 1.5h, 500ms)";
                return ok;
            }),
        };
        var user = new Option<KeyValuePair<string, string>[]>("--user")
        {
            Description = "A user as NAME:PASSWORD; repeat for more. Default: user:passwd.",
            CustomParser = result =>
            {
                var users = new List<KeyValuePair<string, string>>(result.Tokens.Count);
                foreach (Token token in result.Tokens)
                {
                    if (!DigestOptionParsers.TryParseUser(token.Value, out KeyValuePair<string, string> parsed, out string? error))
                    {
                        // The value is not echoed: it may hold a password.
                        result.AddError($"--user: {error}");
                        return [];
                    }

                    users.Add(parsed);
                }

                return [.. users];
            },
        };
        var client = new Option<KeyValuePair<string, string>[]>("--client")
        {
            Description = "An OAuth client of the token endpoint as ID:SECRET; repeat for more. Default: client:secret.",
            HelpName = "ID:SECRET",
            CustomParser = result =>
            {
                var clients = new List<KeyValuePair<string, string>>(result.Tokens.Count);
                foreach (Token token in result.Tokens)
                {
                    if (!TryParseClient(token.Value, out KeyValuePair<string, string> parsed, out string? error))
                    {
                        // The value is not echoed: it holds a secret.
                        result.AddError($"--client: {error}");
                        return [];
                    }

                    clients.Add(parsed);
                }

                return [.. clients];
            },
        };
        var tokenLifetime = new Option<TimeSpan>("--token-lifetime")
        {
            Description = "How long an access token is good for, at least 1s (expires_in is whole seconds), e.g. 30s, 5m. Default: 30s.",
            HelpName = "DURATION",
            CustomParser = result => OptionParsing.ParseOne(result, s_defaultTokenLifetime, "--token-lifetime", TryParseTokenLifetime),
        };
        var ncCheck = new Option<NcCheck>("--nc-check")
        {
            Description = "Nonce-count checking: none, replay (reject a reused nc) or increasing (also reject an nc below the highest). Default: replay.",
            HelpName = "none|replay|increasing",
            CustomParser = result => OptionParsing.ParseOne(result, NcCheck.Replay, "--nc-check", DigestOptionParsers.TryParseNcCheck),
        };
        var sharedNonce = new Option<TimeSpan?>("--shared-nonce")
        {
            HelpName = "DURATION",
            Description = "One nonce for every client, a new one every DURATION (e.g. 60s), as some CDNs do; with --nc-check on, clients that count nc alone collide.",
            CustomParser = result => OptionParsing.ParseOne<TimeSpan?>(result, null, "--shared-nonce", OptionParsing.TryParsePositiveDurationOrNull),
        };
        var oneTimeNonces = new Option<bool>("--one-time-nonces") { Description = "A nonce is good for one request; each success carries Authentication-Info nextnonce." };
        var nextNonce = new Option<bool>("--next-nonce") { Description = "Send Authentication-Info (nextnonce, rspauth) on every Digest success." };
        var userHash = new Option<bool>("--userhash") { Description = "Advertise userhash=true and accept hashed user names (RFC 7616 §3.4.4)." };
        var proxy = new Option<bool>("--proxy") { Description = "Also act as a forward proxy auth point: absolute-form requests get 407 and Proxy-Authenticate." };
        var responseBytes = new Option<int>("--response-bytes")
        {
            Description = "Size of each 200 body in bytes.",
            DefaultValueFactory = _ => 16,
            CustomParser = result => OptionParsing.ParseOne(result, 16, "--response-bytes", static (string text, out int value, out string? error) =>
            {
                bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 64 * 1024 * 1024;
                error = ok ? null : $"'{text}' is not a body size (0-67108864)";
                return ok;
            }),
        };

        var command = new Command("serve", "Run the embedded Digest, Basic and Bearer server (with an OAuth token endpoint) on 127.0.0.1 until Ctrl+C, logging each request.")
        {
            port, realm, realms, algorithm, qop, nonceLifetime, sharedNonce, user, client, tokenLifetime, ncCheck, oneTimeNonces, nextNonce, userHash, proxy, responseBytes,
        };
        command.SetAction((result, ct) =>
        {
            KeyValuePair<string, string>[] users = result.GetValue(user) ?? [];
            KeyValuePair<string, string>[] clients = result.GetValue(client) ?? [];
            var options = new DigestServerOptions
            {
                Port = result.GetValue(port),
                RealmName = result.GetValue(realm) ?? "authactors",
                Realms = result.GetValue(realms),
                Algorithms = result.GetResult(algorithm) is null ? [DigestAlgorithm.Sha256] : result.GetValue(algorithm) ?? [DigestAlgorithm.Sha256],
                Qop = result.GetResult(qop) is null ? DigestQop.Auth : result.GetValue(qop),
                NonceLifetime = result.GetResult(nonceLifetime) is null ? TimeSpan.FromMinutes(5) : result.GetValue(nonceLifetime),
                SharedNonce = result.GetValue(sharedNonce),
                Users = users.Length == 0
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { ["user"] = "passwd" }
                    : new Dictionary<string, string>(users, StringComparer.Ordinal),
                Clients = clients.Length == 0
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { ["client"] = "secret" }
                    : new Dictionary<string, string>(clients, StringComparer.Ordinal),
                TokenLifetime = result.GetResult(tokenLifetime) is null ? s_defaultTokenLifetime : result.GetValue(tokenLifetime),
                NcCheck = result.GetResult(ncCheck) is null ? NcCheck.Replay : result.GetValue(ncCheck),
                OneTimeNonces = result.GetValue(oneTimeNonces),
                SendNextNonce = result.GetValue(nextNonce),
                UserHash = result.GetValue(userHash),
                Proxy = result.GetValue(proxy),
                ResponseBytes = result.GetValue(responseBytes),
            };
            return RunAsync(options, console, ct);
        });
        return command;
    }

    /// <summary>Starts the server, prints where it is, and serves until <paramref name="ct"/> is cancelled.</summary>
    internal static async Task<int> RunAsync(DigestServerOptions options, HostConsole console, CancellationToken ct)
    {
        using ILoggerFactory loggerFactory = console.CreateLoggerFactory(LogLevel.Information);
        DigestServer server;
        try
        {
            server = await DigestServer.StartAsync(options, loggerFactory, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await console.Error.WriteLineAsync($"serve: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        await using (server.ConfigureAwait(false))
        {
            await PrintBannerAsync(server, console.Out).ConfigureAwait(false);
            var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ct.Register(() => stopRequested.TrySetResult()))
            {
                await stopRequested.Task.ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync("Stopping...").ConfigureAwait(false);
            await server.StopAsync().ConfigureAwait(false);
            DigestServerStatsSnapshot stats = server.Stats.Snapshot();
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Stopped: {stats.Requests} requests, {stats.Succeeded} Digest ok, {stats.BasicOk} Basic ok, {stats.BearerOk} Bearer ok, {stats.OpenRequests} open, {stats.Challenges} challenges ({stats.StaleChallenges} stale), {stats.BadCredentials} bad credentials, {stats.NcReplays} nc replays, {stats.NcOutOfOrder} nc out of order, {stats.TokenRequests} token requests ({stats.TokensIssued} issued), {stats.InvalidTokens} invalid tokens.")).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task PrintBannerAsync(DigestServer server, TextWriter output)
    {
        DigestServerOptions options = server.Options;
        IReadOnlyList<string> realmNames = server.RealmNames;
        string spaces = options.Realms switch
        {
            0 => "none",
            1 => $"{realmNames[0]} on /space/0/",
            _ => $"{realmNames[0]} ... {realmNames[options.Realms - 1]} on /space/N/",
        };
        string qop = options.Qop switch
        {
            DigestQop.None => "none (RFC 2069)",
            DigestQop.Auth => "auth",
            DigestQop.AuthInt => "auth-int",
            _ => "auth, auth-int",
        };
        var nonces = new List<string> { $"lifetime {DurationParser.Format(options.NonceLifetime)}", $"nc check {options.NcCheck.ToString().ToLowerInvariant()}" };
        if (options.SharedNonce is { } shared)
        {
            nonces.Add($"one for every client, rotated every {DurationParser.Format(shared)}");
        }

        if (options.OneTimeNonces)
        {
            nonces.Add("one-time");
        }

        if (options.SendNextNonce)
        {
            nonces.Add("nextnonce");
        }

        if (options.UserHash)
        {
            nonces.Add("userhash");
        }

        string[] lines =
        [
            $"AuthActors Digest server listening on {server.BaseAddress}",
            $"  default realm  {realmNames[options.Realms]} on every other path",
            $"  path realms    {spaces}",
            $"  Basic          basic@{options.RealmName} on {options.BasicPath}",
            $"  Bearer         realm {options.BearerRealm} on {options.BearerPath}, tokens from {server.TokenEndpoint}",
            $"  token endpoint client credentials grant (RFC 6749 section 4.4), clients authenticate with HTTP Basic, tokens good for {DurationParser.Format(options.TokenLifetime)}",
            $"  open           {options.OpenPath} (no auth)",
            options.Proxy ? $"  proxy          {realmNames[options.Realms + 1]} for absolute-form requests (407)" : "  proxy          off",
            $"  algorithms     {string.Join(", ", AlgorithmsInOrder(options.Algorithms))}",
            $"  qop            {qop}",
            $"  nonces         {string.Join(", ", nonces)}",
            $"  users          {string.Join(", ", options.Users.Keys)}",
            $"  clients        {(options.Clients.Count == 0 ? "none" : string.Join(", ", options.Clients.Keys))}",
            "Press Ctrl+C to stop.",
        ];
        foreach (string line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>ID:SECRET, both non-empty; the id is what comes before the first colon.</summary>
    internal static bool TryParseClient(string value, out KeyValuePair<string, string> client, out string? error)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            client = default;
            error = "expected ID:SECRET with a non-empty id and secret";
            return false;
        }

        client = KeyValuePair.Create(value[..colon], value[(colon + 1)..]);
        error = null;
        return true;
    }

    private static bool TryParseTokenLifetime(string text, out TimeSpan value, out string? error)
    {
        bool ok = DurationParser.TryParse(text, out value) && value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(365);
        error = ok ? null : $"'{text}' is not a duration from 1s to 365d (e.g. 30s, 5m)";
        return ok;
    }

    private static IEnumerable<string> AlgorithmsInOrder(IReadOnlyList<DigestAlgorithm> algorithms) =>
        algorithms.Distinct().OrderByDescending(DigestAlgorithms.Strength).Select(DigestAlgorithms.ToToken);
}
