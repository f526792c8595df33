namespace AuthActors.Credentials;

/// <summary>
/// A user name and password (and optional account) for one protection space: a secret-bearing
/// value. <see cref="ToString"/> never shows the password, <see cref="GetHashCode"/> is computed
/// from the user name only, and <see cref="Equals(Credential?)"/> compares the password in
/// constant time.
/// </summary>
public sealed class Credential : IEquatable<Credential>
{
    /// <summary>Creates a credential.</summary>
    /// <param name="userName">The user name; may be empty, never <see langword="null"/>.</param>
    /// <param name="password">The password; may be empty, never <see langword="null"/>.</param>
    /// <param name="account">An optional account (netrc's <c>account</c>, or a <see cref="System.Net.NetworkCredential"/> domain). Default <see langword="null"/>.</param>
    public Credential(string userName, string password, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        UserName = userName;
        Password = password;
        Account = account;
    }

    private Credential(Credential other, string? source, IReadOnlyList<string>? schemes)
    {
        UserName = other.UserName;
        Password = other.Password;
        Account = other.Account;
        Source = source;
        Schemes = schemes;
    }

    /// <summary>The user name.</summary>
    public string UserName { get; }

    /// <summary>The password. Never log it, never put it in an exception or an event.</summary>
    public string Password { get; }

    /// <summary>The account, or <see langword="null"/>.</summary>
    public string? Account { get; }

    /// <summary>
    /// The <see cref="ICredentialSource.Name"/> of the backend that supplied this credential, set by
    /// the <see cref="CredentialChain"/>; <see langword="null"/> for a credential not from a chain.
    /// </summary>
    public string? Source { get; }

    /// <summary>
    /// The auth-schemes this credential may answer (<c>Basic</c>, <c>Digest</c>, <c>Bearer</c>…,
    /// case-insensitive), or <see langword="null"/> for any. An OAuth client secret meant for a
    /// Bearer token endpoint says <c>Bearer</c>, so that a Basic challenge from the same origin
    /// never gets it in clear.
    /// </summary>
    public IReadOnlyList<string>? Schemes { get; }

    /// <summary>Returns a copy with <see cref="Source"/> set to <paramref name="source"/>.</summary>
    public Credential WithSource(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        return new Credential(this, source, Schemes);
    }

    /// <summary>Returns a copy that may answer only <paramref name="schemes"/> (none given: any scheme).</summary>
    public Credential ForSchemes(params string[] schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        foreach (string scheme in schemes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scheme, nameof(schemes));
        }

        return new Credential(this, Source, schemes.Length == 0 ? null : [.. schemes.Select(s => s.Trim())]);
    }

    /// <summary>Whether this credential may answer a challenge of <paramref name="scheme"/>.</summary>
    public bool MayAnswer(string scheme) =>
        Schemes is null || Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Two credentials are equal when user name and account are ordinally equal and the passwords
    /// are equal, compared in constant time over their UTF-8 bytes. <see cref="Source"/> is
    /// provenance, not identity, and is not compared.
    /// </summary>
    public bool Equals(Credential? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        // Non-short-circuit '&' so the password compare runs whatever the user name says.
        return string.Equals(UserName, other.UserName, StringComparison.Ordinal)
            & string.Equals(Account, other.Account, StringComparison.Ordinal)
            & SecretText.FixedTimeEquals(Password, other.Password);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Credential);

    /// <summary>Hashes the user name only, so a hash never reveals anything about the password.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(UserName);

    /// <summary>Returns <c>Credential(user=alice, source=netrc)</c>; never the password.</summary>
    public override string ToString() => $"Credential(user={UserName}, source={Source ?? "(none)"})";
}
