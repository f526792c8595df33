using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Credentials from configuration (name <c>"configuration"</c>): a section such as
/// <c>authactors:credentials:entries</c> holding named entries (or a list, in one layer only:
/// configuration merges lists by position across layers), each:
/// <code>
/// { "origin": "https://api.example.com:8443", "realm": "api", "proxy": false,
///   "username": "alice", "password": "...", "account": "..." }
/// { "origin": "http://tracker.example.com", "deny": "never send credentials to the tracker" }
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// <c>origin</c> (required) is <c>scheme://host[:port]</c> with no user-info, path, query or
/// fragment. <c>realm</c> (optional) is matched ordinally; an entry with a realm wins over one
/// without. <c>proxy</c> (optional, default <c>false</c>) makes the entry answer proxy (407)
/// requests for that proxy origin, and only those. An entry has either <c>username</c> and
/// <c>password</c> (an empty password is allowed; <c>account</c> optional) or <c>deny</c> with a
/// reason, which stops the chain. Among equally specific entries the first wins. Keys are
/// case-insensitive; an unknown key is an error (a misspelt <c>pasword</c> must not silently send
/// no password).
/// </para>
/// <para>
/// The section is read on every lookup, so a reload is seen at once; the change token is the
/// section's reload token, so appsettings or HOCON reloads rotate live spaces. A malformed entry
/// makes the lookup throw <see cref="CredentialSourceException"/> naming the entry and key, never
/// a value; the chain reports it as <see cref="CredentialEventKind.SourceFailed"/>. Call
/// <see cref="Validate"/> at startup to fail fast.
/// </para>
/// </remarks>
public sealed class ConfigurationCredentialSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> of every configuration source.</summary>
    public const string SourceName = "configuration";

    private readonly IConfiguration _section;
    private readonly IConfigurationRoot? _root;
    private readonly string? _path;

    /// <summary>Creates the source over <paramref name="section"/> (e.g. <c>configuration.GetSection("authactors:credentials:entries")</c>).</summary>
    public ConfigurationCredentialSource(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        _section = section;
    }

    /// <summary>Creates the source over the section <paramref name="sectionPath"/> of
    /// <paramref name="root"/>. With the root at hand, an entry of a list (whose fields
    /// configuration merges by position across sources) that one source gives only in part is an
    /// error, rather than an entry made of two sources' fields.</summary>
    public ConfigurationCredentialSource(IConfigurationRoot root, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        _section = root.GetSection(sectionPath);
        _root = root;
        _path = sectionPath;
    }

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string origin = request.OriginKeyText;
        ConfiguredEntry? originOnly = null;
        foreach (ConfiguredEntry entry in ReadEntries())
        {
            if (entry.IsProxy != request.IsProxy || !string.Equals(entry.OriginKey, origin, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.Realm is null)
            {
                originOnly ??= entry;
            }
            else if (string.Equals(entry.Realm, request.Realm, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(entry.Answer);
            }
        }

        return ValueTask.FromResult(originOnly?.Answer ?? CredentialAnswer.Declined);
    }

    /// <summary>The section's reload token: fires when the configuration reloads.</summary>
    public IChangeToken GetChangeToken() => _section.GetReloadToken();


    /// <summary>Reads every entry now and throws if one is malformed.</summary>
    /// <exception cref="CredentialSourceException">An entry is malformed; the message names the entry and key.</exception>
    public void Validate() => _ = ReadEntries();

    internal List<ConfiguredEntry> ReadEntries()
    {
        var entries = new List<ConfiguredEntry>();
        foreach (IConfigurationSection child in _section.GetChildren())
        {
            if (_root is not null && int.TryParse(child.Key, out _))
            {
                CheckListEntryIsWhole(child);
            }

            entries.Add(ReadEntry(child));
        }

        return entries;
    }

    /// <summary>
    /// A list's entries merge by index across configuration sources: appsettings.json's entry 0
    /// and a HOCON file's entry 0 become one entry, one's password going to the other's origin.
    /// So each source that gives part of a list entry must give all of it.
    /// </summary>
    private void CheckListEntryIsWhole(IConfigurationSection entry)
    {
        foreach (IConfigurationProvider provider in _root!.Providers)
        {
            var keys = new HashSet<string>(provider.GetChildKeys([], $"{_path}:{entry.Key}"), StringComparer.OrdinalIgnoreCase);
            bool whole = keys.Contains("origin") && (keys.Contains("deny") || (keys.Contains("username") && keys.Contains("password")));
            if (keys.Count > 0 && !whole)
            {
                throw Malformed(entry,
                    $"is only in part in {provider}: entries of a list merge by position across configuration sources, " +
                    "so this one would take another source's fields; give each entry a name (entries { my-api { origin = ..., username = ..., password = ... } })");
            }
        }
    }

    private static ConfiguredEntry ReadEntry(IConfigurationSection entry)
    {
        string? origin = null, realm = null, proxy = null, userName = null, password = null, account = null, deny = null, schemes = null;
        bool any = false;
        foreach (IConfigurationSection field in entry.GetChildren())
        {
            any = true;
            if (field.Value is null)
            {
                throw Malformed(entry, $"key '{field.Key}' must be a single value, not a section");
            }

            switch (field.Key.ToUpperInvariant())
            {
                case "ORIGIN": origin = field.Value; break;
                case "REALM": realm = field.Value; break;
                case "PROXY": proxy = field.Value; break;
                case "USERNAME": userName = field.Value; break;
                case "PASSWORD": password = field.Value; break;
                case "ACCOUNT": account = field.Value; break;
                case "DENY": deny = field.Value; break;
                case "SCHEMES": schemes = field.Value; break;
                default: throw Malformed(entry, $"unknown key '{field.Key}' (expected origin, realm, proxy, username, password, account, schemes or deny)");
            }
        }

        if (!any)
        {
            throw Malformed(entry, "must be an object with 'origin' and 'username'/'password' or 'deny'");
        }

        if (string.IsNullOrWhiteSpace(origin))
        {
            throw Malformed(entry, "key 'origin' is required");
        }

        string originKey = ParseOrigin(entry, origin);
        bool isProxy = false;
        if (proxy is not null && !bool.TryParse(proxy, out isProxy))
        {
            throw Malformed(entry, "key 'proxy' must be true or false");
        }

        realm = string.IsNullOrEmpty(realm) ? null : realm;
        if (deny is not null)
        {
            if (string.IsNullOrWhiteSpace(deny))
            {
                throw Malformed(entry, "key 'deny' needs a reason");
            }

            if (userName is not null || password is not null || account is not null)
            {
                throw Malformed(entry, "an entry with 'deny' must not have 'username', 'password' or 'account'");
            }

            return new ConfiguredEntry(originKey, realm, isProxy, CredentialAnswer.Deny(deny));
        }

        if (userName is null)
        {
            throw Malformed(entry, "key 'username' is required (or 'deny')");
        }

        if (password is null)
        {
            throw Malformed(entry, "key 'password' is required (or 'deny')");
        }

        var credential = new Credential(userName, password, string.IsNullOrEmpty(account) ? null : account);
        if (schemes is not null)
        {
            string[] names = schemes.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0)
            {
                throw Malformed(entry, "key 'schemes' must name at least one scheme, such as \"Bearer\" or \"Basic, Digest\"");
            }

            credential = credential.ForSchemes(names);
        }

        return new ConfiguredEntry(originKey, realm, isProxy, CredentialAnswer.Found(credential));
    }

    private static string ParseOrigin(IConfigurationSection entry, string origin)
    {
        // The value is not quoted in errors: someone may have written user:password@host.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
        {
            throw Malformed(entry, "key 'origin' must be an absolute URI such as https://host:port");
        }

        if (uri.UserInfo.Length != 0)
        {
            throw Malformed(entry, "key 'origin' must not contain user-info; use 'username' and 'password'");
        }

        if (uri.PathAndQuery is not ("/" or "") || uri.Fragment.Length != 0)
        {
            throw Malformed(entry, "key 'origin' must be scheme://host[:port], without path, query or fragment");
        }

        return OriginText.Of(uri);
    }

    private static CredentialSourceException Malformed(IConfigurationSection entry, string problem) =>
        new($"Credential entry {entry.Key} ('{entry.Path}'): {problem}.");

    internal sealed record ConfiguredEntry(string OriginKey, string? Realm, bool IsProxy, CredentialAnswer Answer);
}
