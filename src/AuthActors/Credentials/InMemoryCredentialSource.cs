using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Credentials held in memory, per origin or per origin and realm (name <c>"memory"</c>). For a
/// request, an entry for its origin and realm wins over one for its origin alone, which wins over
/// the default (<see cref="SetDefault"/>). An entry may instead deny (<see cref="Deny"/>).
/// Entries match origin and proxy requests alike: a proxy is looked up by its own origin.
/// </summary>
/// <remarks>
/// Every mutation fires the change token, so live spaces re-resolve (rotation). Safe to use from
/// any thread.
/// </remarks>
public sealed class InMemoryCredentialSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> of every in-memory source.</summary>
    public const string SourceName = "memory";

    // Keyed by origin, realm (null: any) and upper-case scheme (null: any).
    private readonly ConcurrentDictionary<(string Origin, string? Realm, string? Scheme), Entry> _entries = new();
    private readonly ChangeSignal _changed = new();
    private Credential? _default;

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <summary>The number of origin and origin+realm entries (the default is not counted).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Adds, or replaces (rotation), the credential for <paramref name="origin"/>, or for
    /// <paramref name="origin"/> and <paramref name="realm"/> when a realm is given.
    /// </summary>
    /// <param name="origin">The origin; only scheme, host and port are used.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="realm">The realm (ordinal match), or <see langword="null"/> for every realm of the origin. Default <see langword="null"/>.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryCredentialSource Add(Uri origin, string userName, string password, string? realm = null) =>
        Add(origin, new Credential(userName, password), realm);

    /// <summary>
    /// Adds, or replaces, <paramref name="credential"/> for <paramref name="origin"/> (and
    /// <paramref name="realm"/>). A credential scoped to some schemes
    /// (<see cref="Credential.ForSchemes"/>) sits beside the origin's others: a Bearer client
    /// secret and a Basic password for one origin each answer their own scheme.
    /// </summary>
    /// <returns>This source, for chaining.</returns>
    public InMemoryCredentialSource Add(Uri origin, Credential credential, string? realm = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Set(origin, realm, credential.Schemes is { } schemes ? [.. schemes] : [null], new Entry(credential, null));
        return this;
    }

    /// <summary>Sets the credential used for any origin with no entry of its own; it goes to every origin asked about, so use it with care.</summary>
    /// <returns>This source, for chaining.</returns>
    public InMemoryCredentialSource SetDefault(string userName, string password)
    {
        Volatile.Write(ref _default, new Credential(userName, password));
        _changed.Fire();
        return this;
    }

    /// <summary>Removes the default credential. Returns whether there was one.</summary>
    public bool RemoveDefault()
    {
        bool had = Interlocked.Exchange(ref _default, null) is not null;
        if (had)
        {
            _changed.Fire();
        }

        return had;
    }

    /// <summary>
    /// Denies credentials for <paramref name="origin"/> (and <paramref name="realm"/> when given):
    /// the chain stops there and sends nothing, whatever later sources hold.
    /// </summary>
    /// <param name="origin">The origin.</param>
    /// <param name="reason">Why, for events and logs; never a secret.</param>
    /// <param name="realm">The realm, or <see langword="null"/> for every realm of the origin. Default <see langword="null"/>.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryCredentialSource Deny(Uri origin, string reason, string? realm = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // A deny wins over every credential of the space, scoped ones included.
        RemoveAll(OriginText.Of(origin), realm);
        Set(origin, realm, [null], new Entry(null, reason));
        return this;
    }

    /// <summary>Removes the entry (credential or deny) for the origin, or origin and realm. Returns whether there was one.</summary>
    public bool Remove(Uri origin, string? realm = null)
    {
        bool removed = RemoveAll(OriginText.Of(origin), realm);

        if (removed)
        {
            _changed.Fire();
        }

        return removed;
    }

    /// <summary>Removes every entry and the default.</summary>
    public void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _default, null);
        _changed.Fire();
    }

    /// <inheritdoc/>
    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string origin = request.OriginKeyText;
        string scheme = request.Scheme.ToUpperInvariant();
        if ((request.Realm is not null && (_entries.TryGetValue((origin, request.Realm, scheme), out Entry? entry) || _entries.TryGetValue((origin, request.Realm, null), out entry)))
            || _entries.TryGetValue((origin, null, scheme), out entry)
            || _entries.TryGetValue((origin, null, null), out entry))
        {
            return ValueTask.FromResult(entry.Credential is not null
                ? CredentialAnswer.Found(entry.Credential)
                : CredentialAnswer.Deny(entry.DenyReason!));
        }

        Credential? fallback = Volatile.Read(ref _default);
        return ValueTask.FromResult(fallback is not null ? CredentialAnswer.Found(fallback) : CredentialAnswer.Declined);
    }

    /// <summary>Fires on every mutation (<c>Add</c>, <see cref="SetDefault"/>, <see cref="Deny"/>, <see cref="Remove"/>, <see cref="Clear"/>).</summary>
    public IChangeToken GetChangeToken() => _changed.GetToken();


    private bool RemoveAll(string origin, string? realm)
    {
        bool removed = false;
        foreach ((string Origin, string? Realm, string? Scheme) key in _entries.Keys.Where(k => k.Origin == origin && k.Realm == realm))
        {
            removed |= _entries.TryRemove(key, out _);
        }

        return removed;
    }

    private void Set(Uri origin, string? realm, string?[] schemes, Entry entry)
    {
        foreach (string? scheme in schemes)
        {
            _entries[(OriginText.Of(origin), realm, scheme?.ToUpperInvariant())] = entry;
        }

        _changed.Fire();
    }

    private sealed record Entry(Credential? Credential, string? DenyReason)
    {
        // A record prints its members; this one holds a credential, whose ToString is already
        // masked, but keep the entry itself opaque too.
        public override string ToString() => Credential is not null ? "Entry(credential)" : "Entry(deny)";
    }
}
