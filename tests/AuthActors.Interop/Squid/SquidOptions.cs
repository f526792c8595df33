namespace AuthActors.Interop.Squid;

/// <summary>The proxy-auth setup of one generated Squid (its auth_param lines are global, so each
/// variant is a Squid of its own).</summary>
internal sealed record SquidOptions
{
    /// <summary>"digest" (digest_file_auth) or "basic" (basic_ncsa_auth).</summary>
    public string Scheme { get; init; } = "digest";

    public string Realm { get; init; } = "squid-interop";

    /// <summary>auth_param digest nonce_max_count: uses of one nonce before it is stale.</summary>
    public int NonceMaxCount { get; init; } = 50;

    /// <summary>auth_param digest nonce_max_duration, in seconds.</summary>
    public int NonceMaxDurationSeconds { get; init; } = 30;

    /// <summary>auth_param digest check_nonce_count: nc must grow.</summary>
    public bool CheckNonceCount { get; init; } = true;

    /// <summary>auth_param digest nonce_strictness: nc must grow by exactly one.</summary>
    public bool NonceStrictness { get; init; }

    public string Describe() => Scheme == "basic"
        ? "Basic (basic_ncsa_auth)"
        : $"nonce_max_count {NonceMaxCount}, nonce_max_duration {NonceMaxDurationSeconds} s, check_nonce_count {(CheckNonceCount ? "on" : "off")}, nonce_strictness {(NonceStrictness ? "on" : "off")}";
}
