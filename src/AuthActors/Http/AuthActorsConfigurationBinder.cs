using System.Globalization;
using AuthActors.Protocol;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Http;

/// <summary>
/// Binds the <c>authactors</c> section (kebab-case keys as in hocon/reference.conf) to
/// <see cref="AuthActorsOptions"/>. A value that does not parse is an error naming the key and
/// what was expected; a key it does not know is listed by <see cref="UnknownKeys"/>.
/// </summary>
public static class AuthActorsConfigurationBinder
{
    private static readonly string[] s_keys =
    [
        "ask-timeout",
        "spaces:passivate-after", "spaces:discovery-timeout", "spaces:max-nonce-pool", "spaces:lease-mode", "spaces:rejection-retry-after",
        "handler:buffer-limit", "handler:verify-rspauth", "handler:follow-redirects", "handler:max-redirects",
        "policy:allow-md5", "policy:allow-basic", "policy:allow-basic-over-http", "policy:minimum-algorithm",
        "supervision:max-restarts", "supervision:within",
        "credentials:netrc-file", "credentials:environment-prefix",
        "cluster:enabled", "cluster:nc-block-size", "cluster:ask-timeout", "cluster:grant-timeout", "cluster:shards", "cluster:share-bearer-tokens",
    ];

    /// <summary>Every leaf key this binder reads (relative to <c>authactors</c>), besides the lists
    /// <c>credentials:sources</c> and <c>credentials:entries</c>.</summary>
    public static IReadOnlyList<string> Keys => s_keys;

    /// <summary>Binds <paramref name="section"/> (the <c>authactors</c> section) onto <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names the key.</exception>
    public static void Bind(IConfiguration section, AuthActorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        Duration(section, "ask-timeout", v => options.AskTimeout = v);
        Duration(section, "spaces:passivate-after", v => options.Spaces.PassivateAfter = v);
        Duration(section, "spaces:discovery-timeout", v => options.Spaces.DiscoveryTimeout = v);
        Int(section, "spaces:max-nonce-pool", v => options.Spaces.MaxNoncePool = v);
        Duration(section, "spaces:rejection-retry-after", v => options.Spaces.RejectionRetryAfter = v);
        Read<LeaseMode>(section, "spaces:lease-mode", "auto, shared or exclusive", s => Enum.TryParse(s, ignoreCase: true, out LeaseMode m) && Enum.IsDefined(m) ? m : null, v => options.Spaces.LeaseMode = v);
        Read(section, "handler:buffer-limit", "a size such as 1MiB or 65536", s => ConfigValue.TryParseSize(s, out long n) ? n : (long?)null, v => options.Handler.BufferLimit = v);
        Bool(section, "handler:verify-rspauth", v => options.Handler.VerifyRspAuth = v);
        Bool(section, "handler:follow-redirects", v => options.Handler.FollowRedirects = v);
        Int(section, "handler:max-redirects", v => options.Handler.MaxRedirects = v);
        Bool(section, "cluster:enabled", v => options.Cluster.Enabled = v);
        Int(section, "cluster:nc-block-size", v => options.Cluster.NcBlockSize = v);
        Duration(section, "cluster:ask-timeout", v => options.Cluster.AskTimeout = v);
        Duration(section, "cluster:grant-timeout", v => options.Cluster.GrantTimeout = v);
        Int(section, "cluster:shards", v => options.Cluster.Shards = v);
        Bool(section, "cluster:share-bearer-tokens", v => options.Cluster.ShareBearerTokens = v);
        Bool(section, "policy:allow-md5", v => options.Policy.AllowMd5 = v);
        Bool(section, "policy:allow-basic", v => options.Policy.AllowBasic = v);
        Bool(section, "policy:allow-basic-over-http", v => options.Policy.AllowBasicOverHttp = v);
        if (section["policy:minimum-algorithm"] is { } minimum)
        {
            if (minimum is "" or "null")
            {
                options.Policy.MinimumAlgorithm = null;
            }
            else if (DigestAlgorithms.TryParse(minimum, out DigestAlgorithm algorithm))
            {
                options.Policy.MinimumAlgorithm = algorithm;
            }
            else
            {
                throw Invalid(section, "policy:minimum-algorithm", minimum, "MD5, SHA-256, SHA-512-256 or null");
            }
        }

        Int(section, "supervision:max-restarts", v => options.Supervision.MaxRestarts = v);
        Duration(section, "supervision:within", v => options.Supervision.Within = v);
        if (section["credentials:netrc-file"] is { } netrc)
        {
            options.Credentials.NetrcFile = netrc is "" or "null" ? null : netrc;
        }

        if (section["credentials:environment-prefix"] is { } prefix)
        {
            options.Credentials.EnvironmentPrefix = prefix;
        }

        // A comma-separated string (what reference.conf uses, because IConfiguration merges
        // arrays index by index across layers), or an array in a single layer.
        IConfigurationSection sources = section.GetSection("credentials:sources");
        if (sources.Value is { } list)
        {
            options.Credentials.Sources = [.. list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        else if (sources.GetChildren().Any())
        {
            options.Credentials.Sources = [.. sources.GetChildren().OrderBy(c => int.TryParse(c.Key, out int i) ? i : int.MaxValue).Select(c => c.Value ?? "")];
        }
    }

    /// <summary>Keys under <paramref name="section"/> that nothing reads (a typo, usually).</summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var unknown = new List<string>();
        foreach ((string key, string? _) in section.AsEnumerable(makePathsRelative: true))
        {
            bool isLeaf = !section.GetSection(key).GetChildren().Any();
            if (!isLeaf || s_keys.Contains(key, StringComparer.OrdinalIgnoreCase)
                || key.StartsWith("credentials:sources:", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("credentials:entries:", StringComparison.OrdinalIgnoreCase)
                || key.Equals("credentials:sources", StringComparison.OrdinalIgnoreCase)
                || key.Equals("credentials:entries", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            unknown.Add(key);
        }

        return unknown;
    }

    private static void Duration(IConfiguration section, string key, Action<TimeSpan> set) =>
        Read(section, key, "a duration such as 500ms, 30s, 5m or 1.5h", s => ConfigValue.TryParseDuration(s, out TimeSpan t) ? t : (TimeSpan?)null, set);

    private static void Int(IConfiguration section, string key, Action<int> set) =>
        Read(section, key, "a whole number", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : (int?)null, set);

    private static void Bool(IConfiguration section, string key, Action<bool> set) =>
        Read(section, key, "true or false (or on/off, yes/no)", ConfigValue.ParseBoolean, set);

    private static void Read<T>(IConfiguration section, string key, string expected, Func<string, T?> parse, Action<T> set)
        where T : struct
    {
        if (section[key] is not { } text)
        {
            return;
        }

        set(parse(text.Trim()) ?? throw Invalid(section, key, text, expected));
    }

    private static InvalidOperationException Invalid(IConfiguration section, string key, string value, string expected)
    {
        string path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
        return new InvalidOperationException($"Configuration '{path}': '{value}' is not {expected}.");
    }
}
