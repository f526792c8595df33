using System.Globalization;
using AuthActors.Protocol;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Http;

/// <summary>
/// Binds the <c>authactors</c> section to <see cref="AuthActorsOptions"/>. Keys are read in any
/// of the spellings .NET configuration sources produce: kebab-case as in hocon/reference.conf
/// (<c>ask-timeout</c>), PascalCase as in appsettings.json (<c>AskTimeout</c>) and snake case
/// from environment variables (<c>AUTHACTORS__ASK_TIMEOUT</c>); when two spellings of one key
/// are set, the later configuration source wins, as for any key. A value that does not parse is
/// an error naming the key and what was expected; a key it does not know is listed by
/// <see cref="UnknownKeys"/>.
/// </summary>
public static class AuthActorsConfigurationBinder
{
    private static readonly string[] s_keys =
    [
        "ask-timeout",
        "spaces:passivate-after", "spaces:discovery-timeout", "spaces:max-nonce-pool", "spaces:lease-mode", "spaces:rejection-retry-after",
        "handler:buffer-limit", "handler:verify-rspauth", "handler:follow-redirects", "handler:max-redirects",
        "policy:allow-md5", "policy:allow-basic", "policy:allow-basic-over-http", "policy:minimum-algorithm",
        "policy:digest-domain-across-origins", "policy:allow-downgrade",
        "supervision:max-restarts", "supervision:within",
        "bearer:token-endpoint", "bearer:scope", "bearer:refresh-skew", "bearer:allow-http",
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
        BindCore(new Spellings(section, root: null, path: null), options);
    }

    /// <summary>Binds the section at <paramref name="sectionPath"/> of <paramref name="root"/> onto
    /// <paramref name="options"/>; with the root at hand, of two spellings of one key the one from
    /// the later source wins.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names the key.</exception>
    public static void Bind(IConfigurationRoot root, string sectionPath, AuthActorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(sectionPath);
        ArgumentNullException.ThrowIfNull(options);
        BindCore(new Spellings(root.GetSection(sectionPath), root, sectionPath), options);
    }

    /// <summary>Binds from <paramref name="configuration"/>'s <paramref name="sectionPath"/>
    /// section, through its root when it is one.</summary>
    internal static void BindSection(IConfiguration configuration, string sectionPath, AuthActorsOptions options)
    {
        if (configuration is IConfigurationRoot root)
        {
            Bind(root, sectionPath, options);
        }
        else
        {
            Bind(configuration.GetSection(sectionPath), options);
        }
    }

    private static void BindCore(Spellings section, AuthActorsOptions options)
    {
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
        Bool(section, "policy:digest-domain-across-origins", v => options.Policy.DigestDomainAcrossOrigins = v);
        Bool(section, "policy:allow-downgrade", v => options.Policy.AllowDowngrade = v);
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

        Read<Box<Uri?>>(section, "bearer:token-endpoint", "an absolute URI such as https://auth.example.com/token, or null",
            s => s is "" or "null" ? new Box<Uri?>(null) : Uri.TryCreate(s, UriKind.Absolute, out Uri? uri) && uri.UserInfo.Length == 0 ? new Box<Uri?>(uri) : (Box<Uri?>?)null,
            v => options.Bearer.TokenEndpoint = v.Value);
        if (section["bearer:scope"] is { } scope)
        {
            options.Bearer.Scope = scope is "" or "null" ? null : scope;
        }

        Duration(section, "bearer:refresh-skew", v => options.Bearer.RefreshSkew = v);
        Bool(section, "bearer:allow-http", v => options.Bearer.AllowHttp = v);
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
        IConfigurationSection sources = section.Raw.GetSection("credentials:sources");
        if (sources.Value is { } list)
        {
            options.Credentials.Sources = [.. list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        else if (sources.GetChildren().Any())
        {
            options.Credentials.Sources = [.. sources.GetChildren().OrderBy(c => int.TryParse(c.Key, out int i) ? i : int.MaxValue).Select(c => c.Value ?? "")];
        }
    }

    // Property names the settings' own range checks report, and the keys users write.
    private static readonly Dictionary<string, string> s_keyOfProperty = new(StringComparer.Ordinal)
    {
        ["AskTimeout"] = "ask-timeout",
        ["PassivateAfter"] = "spaces:passivate-after",
        ["DiscoveryTimeout"] = "spaces:discovery-timeout",
        ["RejectionRetryAfter"] = "spaces:rejection-retry-after",
        ["MaxNoncePool"] = "spaces:max-nonce-pool",
        ["RestartWindow"] = "supervision:within",
        ["MaxRestarts"] = "supervision:max-restarts",
        ["BufferLimit"] = "handler:buffer-limit",
        ["MaxRedirects"] = "handler:max-redirects",
        ["RefreshSkew"] = "bearer:refresh-skew",
    };

    /// <summary>The credential sources <c>credentials:sources</c> may name.</summary>
    public static IReadOnlyList<string> KnownSources { get; } = ["memory", "url-userinfo", "configuration", "environment", "netrc"];

    /// <summary>The values of <paramref name="options"/> out of range, one line each, naming the
    /// configuration key and the rule (empty when all are good).</summary>
    public static IReadOnlyList<string> Problems(AuthActorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Check(() => options.ToSpaceSettings());
        Check(() => options.Handler.Validate());
        if (options.Cluster.Enabled)
        {
            Check(() => options.Cluster.ToClusterSettings());
        }

        try
        {
            _ = options.Bearer.ToSchemeOptions();
        }
        catch (ArgumentException e)
        {
            string key = e.ParamName == "RefreshSkew" ? "bearer:refresh-skew" : "bearer:token-endpoint";
            problems.Add($"Configuration '{AuthActorsOptions.SectionName}:{key}': {e.Message.Split(" (Parameter", 2)[0]}");
        }

        foreach (string source in options.Credentials.Sources)
        {
            if (!KnownSources.Contains(source.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"Configuration '{AuthActorsOptions.SectionName}:credentials:sources': '{source}' is not a source ({string.Join(", ", KnownSources)}).");
            }
        }

        return problems;

        void Check(Action validate)
        {
            try
            {
                validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                string key = e.ParamName is { } p && s_keyOfProperty.TryGetValue(p, out string? k)
                    ? $"{AuthActorsOptions.SectionName}:{k}"
                    : (e.ParamName ?? AuthActorsOptions.SectionName).Replace('.', ':');
                string rule = e.Message.Split(" (Parameter", 2)[0].TrimEnd('.');
                problems.Add($"Configuration '{key}': {e.ActualValue} is out of range: {rule}.");
            }
        }
    }

    /// <summary>Keys under <paramref name="section"/> that nothing reads (a typo, usually), in
    /// any spelling (<c>ask-timeout</c>, <c>AskTimeout</c>, <c>ASK_TIMEOUT</c> are all known).</summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var unknown = new List<string>();
        foreach ((string key, string? _) in section.AsEnumerable(makePathsRelative: true))
        {
            bool isLeaf = !section.GetSection(key).GetChildren().Any();
            string normalized = Normalize(key);
            if (!isLeaf || s_normalizedKeys.Contains(normalized)
                || normalized.StartsWith("credentials:sources:", StringComparison.Ordinal)
                || normalized.StartsWith("credentials:entries:", StringComparison.Ordinal)
                || normalized is "credentials:sources" or "credentials:entries")
            {
                continue;
            }

            unknown.Add(key);
        }

        return unknown;
    }

    private static readonly HashSet<string> s_normalizedKeys = [.. s_keys.Select(Normalize)];

    /// <summary>A key with case, '-' and '_' taken out of each segment: the form every spelling shares.</summary>
    internal static string Normalize(string key) =>
        key.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    /// <summary>Looks a known key up under whichever spelling the configuration used.</summary>
    private sealed class Spellings
    {
        private readonly IConfigurationRoot? _root;
        private readonly string? _path;
        private readonly Dictionary<string, List<string>> _byNormalized = new(StringComparer.Ordinal);

        public Spellings(IConfiguration section, IConfigurationRoot? root, string? path)
        {
            Raw = section;
            _root = root;
            _path = path;
            foreach ((string key, string? value) in section.AsEnumerable(makePathsRelative: true))
            {
                if (value is null)
                {
                    continue;
                }

                string normalized = Normalize(key);
                if (!_byNormalized.TryGetValue(normalized, out List<string>? spellings))
                {
                    _byNormalized[normalized] = spellings = [];
                }

                spellings.Add(key);
            }
        }

        /// <summary>The section itself.</summary>
        public IConfiguration Raw { get; }

        /// <summary>The path errors name: the section's own, or the key alone.</summary>
        public string PathOf(string key) => Raw is IConfigurationSection s ? $"{s.Path}:{key}" : key;

        public string? this[string key]
        {
            get
            {
                if (!_byNormalized.TryGetValue(Normalize(key), out List<string>? spellings))
                {
                    return null;
                }

                if (spellings.Count == 1 || _root is null)
                {
                    return Raw[spellings.Contains(key, StringComparer.OrdinalIgnoreCase) ? key : spellings[0]];
                }

                // Two spellings of one key: the later source wins, as IConfiguration does for one spelling.
                foreach (IConfigurationProvider provider in _root.Providers.Reverse())
                {
                    foreach (string spelling in spellings)
                    {
                        if (provider.TryGet($"{_path}:{spelling}", out string? value))
                        {
                            return value;
                        }
                    }
                }

                return Raw[key];
            }
        }
    }

    private static void Duration(Spellings section, string key, Action<TimeSpan> set) =>
        Read(section, key, "a duration such as 500ms, 30s, 5m or 1.5h", s => ConfigValue.TryParseDuration(s, out TimeSpan t) ? t : (TimeSpan?)null, set);

    private static void Int(Spellings section, string key, Action<int> set) =>
        Read(section, key, "a whole number", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : (int?)null, set);

    private static void Bool(Spellings section, string key, Action<bool> set) =>
        Read(section, key, "true or false (or on/off, yes/no)", ConfigValue.ParseBoolean, set);

    private static void Read<T>(Spellings section, string key, string expected, Func<string, T?> parse, Action<T> set)
        where T : struct
    {
        if (section[key] is not { } text)
        {
            return;
        }

        set(parse(text.Trim()) ?? throw Invalid(section, key, text, expected));
    }

    /// <summary>A parsed value that may itself be null (Read's parse returns null for "does not parse").</summary>
    private readonly record struct Box<T>(T Value);

    private static InvalidOperationException Invalid(Spellings section, string key, string value, string expected) =>
        new($"Configuration '{section.PathOf(key)}': '{value}' is not {expected}.");
}
