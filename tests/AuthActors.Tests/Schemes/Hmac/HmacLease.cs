using AuthActors.Spaces;

namespace AuthActors.Tests.Schemes.Hmac;

/// <summary>
/// SAMPLE: the lease. The actor hands it out; the header is computed from it on the caller's
/// thread (hashing never happens inside the actor). It holds the secret, so it exposes none of it:
/// <see cref="AuthLease.ToString"/> names only the scheme and the space.
/// </summary>
public sealed class HmacLease : AuthLease
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    public HmacLease(string keyId, byte[] key, TimeProvider clock)
        : base(HmacSigner.SchemeName)
    {
        KeyId = keyId;
        _key = key;
        _clock = clock;
    }

    /// <summary>The key id (not a secret).</summary>
    public string KeyId { get; }

    /// <summary>Signs method, request-target and the current time.</summary>
    public override ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken) =>
        new(HmacSigner.CreateHeaderValue(KeyId, _key, request.Method.Method, request.RequestTarget, _clock.GetUtcNow().ToUnixTimeSeconds()));
}
