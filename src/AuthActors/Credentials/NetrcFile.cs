namespace AuthActors.Credentials;

/// <summary>
/// A parsed netrc file (see <see cref="NetrcCredentialSource.Parse"/>). Lookup follows curl and
/// Python requests: the first <c>machine</c> whose name equals the host, ignoring case, wins;
/// otherwise the <c>default</c> entry. Entries after <c>default</c> are unreachable in curl (it
/// reads the file in order and <c>default</c> matches every host), so they are kept apart in
/// <see cref="IgnoredEntries"/> and never matched.
/// </summary>
internal sealed class NetrcFile
{
    internal NetrcFile(string fileName, IReadOnlyList<NetrcEntry> entries, NetrcEntry? defaultEntry, IReadOnlyList<NetrcEntry> ignoredEntries, IReadOnlyList<NetrcNotice> notices)
    {
        FileName = fileName;
        Entries = entries;
        Default = defaultEntry;
        IgnoredEntries = ignoredEntries;
        Notices = notices;
    }

    /// <summary>The file name given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The <c>machine</c> entries before <c>default</c>, in file order.</summary>
    public IReadOnlyList<NetrcEntry> Entries { get; }

    /// <summary>The first <c>default</c> entry, or <see langword="null"/>.</summary>
    public NetrcEntry? Default { get; }

    /// <summary>Entries after the first <c>default</c> (including any second <c>default</c>): never matched.</summary>
    public IReadOnlyList<NetrcEntry> IgnoredEntries { get; }

    /// <summary>Things worth a warning that are not errors (unknown tokens, entries after default), by line; never a token's text.</summary>
    internal IReadOnlyList<NetrcNotice> Notices { get; }

    /// <summary>The first <c>machine</c> entry for <paramref name="host"/> (case-insensitive), else <see cref="Default"/>, else <see langword="null"/>.</summary>
    public NetrcEntry? Find(string host) => FindMachine(host) ?? Default;

    /// <summary>The first <c>machine</c> entry for <paramref name="host"/> (case-insensitive), ignoring <see cref="Default"/>.</summary>
    public NetrcEntry? FindMachine(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (NetrcEntry entry in Entries)
        {
            if (string.Equals(entry.Machine, host, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Returns e.g. <c>NetrcFile(.netrc, 3 machines, default)</c>; no entry contents.</summary>
    public override string ToString() =>
        $"NetrcFile({FileName}, {Entries.Count} machines{(Default is null ? "" : ", default")})";
}
