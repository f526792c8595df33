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
        Json = new Option<string?>("--json") { Description = "Also write the figures as JSON to FILE.", HelpName = "FILE" };
    }

    public Option<int> Requests { get; }

    public Option<int> Concurrency { get; }

    public Option<int> Spaces { get; }

    public Option<DigestAlgorithm[]?> Algorithm { get; }

    public Option<TimeSpan?> NonceLifetime { get; }

    public Option<string?> Json { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Requests);
        command.Options.Add(Concurrency);
        command.Options.Add(Spaces);
        command.Options.Add(Algorithm);
        command.Options.Add(NonceLifetime);
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
        JsonPath = result.GetValue(Json),
    };
}
