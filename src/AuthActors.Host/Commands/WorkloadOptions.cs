using System.CommandLine;
using AuthActors.Protocol;

namespace AuthActors.Host.Commands;

/// <summary>The options <c>demo</c> and <c>bench</c> share; their defaults come from the <see cref="WorkloadSettings"/> given.</summary>
internal sealed class WorkloadOptions
{
    private readonly WorkloadSettings _defaults;

    public WorkloadOptions(WorkloadSettings defaults)
    {
        _defaults = defaults;
        Requests = new Option<int>("--requests")
        {
            Description = "How many requests to send.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Requests,
            CustomParser = r => OptionParsing.ParseOne(r, defaults.Requests, "--requests", OptionParsing.IntIn(1, 100_000_000, "a request count")),
        };
        Concurrency = new Option<int>("--concurrency")
        {
            Description = "How many requests are in flight at once.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Concurrency,
            CustomParser = r => OptionParsing.ParseOne(r, defaults.Concurrency, "--concurrency", OptionParsing.IntIn(1, 10_000, "a concurrency")),
        };
        Spaces = new Option<int>("--spaces")
        {
            Description = "How many protection spaces (server realms) the requests are spread over.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Spaces,
            CustomParser = r => OptionParsing.ParseOne(r, defaults.Spaces, "--spaces", OptionParsing.IntIn(1, 10_000, "a space count")),
        };
        Algorithm = new Option<DigestAlgorithm[]?>("--algorithm")
        {
            // No DefaultValueFactory: help would print the enum name; the default is in the text.
            Description = $"Digest algorithm the server offers; repeat or give a comma list ({DigestOptionParsers.AlgorithmTokens}). Default: {string.Join(",", defaults.Algorithms.Select(DigestAlgorithms.ToToken))}.",
            HelpName = "ALGORITHM",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return [.. defaults.Algorithms];
                }

                if (!DigestOptionParsers.TryParseAlgorithms(result.Tokens.Select(t => t.Value), out DigestAlgorithm[] algorithms, out string? error))
                {
                    result.AddError($"--algorithm: {error}");
                }

                return algorithms;
            },
        };
        NonceLifetime = new Option<TimeSpan?>("--nonce-lifetime")
        {
            Description = $"How long a server nonce is good for (e.g. 2s, 500ms); short lifetimes make stale nonces happen. Default: {DurationParser.Format(defaults.NonceLifetime)}.",
            HelpName = "DURATION",
            CustomParser = r => OptionParsing.ParseOne<TimeSpan?>(r, null, "--nonce-lifetime", OptionParsing.TryParsePositiveDurationOrNull),
        };
        Scheme = new Option<WorkloadScheme?>("--scheme")
        {
            Description = $"digest: Digest over --spaces realms; bearer: Bearer tokens from the server's client credentials endpoint (one realm; --spaces, --algorithm and --nonce-lifetime do not apply). Default: {defaults.Scheme.ToString().ToLowerInvariant()}.",
            HelpName = "digest|bearer",
            CustomParser = r => OptionParsing.ParseOne<WorkloadScheme?>(r, null, "--scheme", static (string text, out WorkloadScheme? value, out string? error) =>
            {
                value = text.Trim().ToUpperInvariant() switch
                {
                    "DIGEST" => WorkloadScheme.Digest,
                    "BEARER" => WorkloadScheme.Bearer,
                    _ => null,
                };
                error = value is null ? $"'{text}' is not digest or bearer" : null;
                return value is not null;
            }),
        };
        TokenLifetime = new Option<TimeSpan?>("--token-lifetime")
        {
            Description = $"With --scheme bearer: how long a server token is good for, at least 1s (e.g. 1s, 30s); short lifetimes make refreshes happen. Default: {DurationParser.Format(defaults.TokenLifetime)}.",
            HelpName = "DURATION",
            CustomParser = r => OptionParsing.ParseOne<TimeSpan?>(r, null, "--token-lifetime", static (string text, out TimeSpan? value, out string? error) =>
            {
                bool ok = DurationParser.TryParse(text, out TimeSpan parsed) && parsed >= TimeSpan.FromSeconds(1) && parsed <= TimeSpan.FromDays(365);
                value = ok ? parsed : null;
                error = ok ? null : $"'{text}' is not a duration from 1s to 365d (e.g. 1s, 30s)";
                return ok;
            }),
        };
        Json = new Option<string?>("--json") { Description = "Also write the figures as JSON to FILE, or to standard output with -.", HelpName = "FILE|-" };
    }

    public Option<int> Requests { get; }

    public Option<int> Concurrency { get; }

    public Option<int> Spaces { get; }

    public Option<DigestAlgorithm[]?> Algorithm { get; }

    public Option<TimeSpan?> NonceLifetime { get; }

    public Option<WorkloadScheme?> Scheme { get; }

    public Option<TimeSpan?> TokenLifetime { get; }

    public Option<string?> Json { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Requests);
        command.Options.Add(Concurrency);
        command.Options.Add(Spaces);
        command.Options.Add(Algorithm);
        command.Options.Add(NonceLifetime);
        command.Options.Add(Scheme);
        command.Options.Add(TokenLifetime);
        command.Options.Add(Json);
    }

    public WorkloadSettings Read(ParseResult result) => new()
    {
        Requests = result.GetValue(Requests),
        Concurrency = result.GetValue(Concurrency),
        Spaces = result.GetValue(Spaces),
        // An absent array option reads as empty, not null.
        Algorithms = result.GetValue(Algorithm) is { Length: > 0 } algorithms ? algorithms : _defaults.Algorithms,
        NonceLifetime = result.GetValue(NonceLifetime) ?? _defaults.NonceLifetime,
        Scheme = result.GetValue(Scheme) ?? _defaults.Scheme,
        TokenLifetime = result.GetValue(TokenLifetime) ?? _defaults.TokenLifetime,
        JsonPath = result.GetValue(Json),
    };
}
