namespace AuthActors.Credentials;

/// <summary>
/// One <c>machine</c> (or <c>default</c>, with <see cref="Machine"/> <see langword="null"/>)
/// entry of a netrc file. <see cref="object.ToString"/> masks the password and the account;
/// equality compares them in constant time.
/// </summary>
/// <param name="Machine">The host name, or <see langword="null"/> for the <c>default</c> entry.</param>
/// <param name="Login">The <c>login</c> value, or <see langword="null"/>.</param>
/// <param name="Password">The <c>password</c> value, or <see langword="null"/>.</param>
/// <param name="Account">The <c>account</c> value, or <see langword="null"/>.</param>
internal sealed record NetrcEntry(string? Machine, string? Login, string? Password, string? Account)
{
    /// <summary>The 1-based line where the entry starts; not part of equality.</summary>
    public int Line { get; init; }

    /// <summary>Whether this is the <c>default</c> entry.</summary>
    public bool IsDefault => Machine is null;

    /// <summary>Compares host names case-insensitively (as curl does), the login ordinally, password and account in constant time.</summary>
    public bool Equals(NetrcEntry? other)
    {
        if (other is null)
        {
            return false;
        }

        return string.Equals(Machine, other.Machine, StringComparison.OrdinalIgnoreCase)
            & string.Equals(Login, other.Login, StringComparison.Ordinal)
            & SecretText.FixedTimeEquals(Password, other.Password)
            & SecretText.FixedTimeEquals(Account, other.Account);
    }

    /// <summary>Hashes the machine and login only, never a secret.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Machine is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Machine), Login is null ? 0 : StringComparer.Ordinal.GetHashCode(Login));

    /// <summary>Returns e.g. <c>NetrcEntry(machine=example.com, login=alice, password=***)</c>; never the password or account.</summary>
    public override string ToString() =>
        $"NetrcEntry({(Machine is null ? "default" : "machine=" + Machine)}, login={Login ?? "(none)"}, password={(Password is null ? "(none)" : "***")}{(Account is null ? "" : ", account=***")})";
}
