using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// One request's share of a Digest space: a snapshot of the nonce, nc, cnonce and HA1 taken on
/// the actor. The header is computed from it on the caller's thread.
/// </summary>
internal sealed class DigestLease : AuthLease
{
    private FleetNonceStream? _fleet;
    private DigestRequest _template;
    private string? _bodyHashHex;

    public DigestLease(DigestSchemeState owner, NonceSlot slot, DigestRequest template, int generation, bool wantsCompletion)
        : base("Digest")
    {
        State = owner;
        Slot = slot;
        _template = template;
        _fleet = slot.Fleet;
        Nc = template.Nc;
        Generation = generation;
        WantsCompletion = wantsCompletion;
    }

    /// <summary>The state that issued it. Read on the actor only.</summary>
    public DigestSchemeState State { get; }

    /// <summary>The slot it came from. Read on the actor only.</summary>
    public NonceSlot Slot { get; }

    /// <summary>The credential generation of the state when it was issued.</summary>
    public int Generation { get; }

    /// <summary>Counted in its slot's <see cref="NonceSlot.Unjudged"/> and not yet judged. Actor only.</summary>
    public bool Pending { get; set; }

    /// <summary>The nonce it carries (a snapshot: the slot may have moved on).</summary>
    public string Nonce => _template.Nonce;

    /// <summary>The nc it carries: the space's own count (in a fleet, the wire carries its mapping).</summary>
    public uint Nc { get; }

    /// <inheritdoc />
    public override ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        if (_fleet is { } fleet)
        {
            _fleet = null; // mapped once: a second header for this lease carries the same nc
            ValueTask<uint> mapped = fleet.MapAsync(Nc, cancellationToken);
            if (!mapped.IsCompletedSuccessfully)
            {
                return CreateMappedAsync(mapped, request, cancellationToken);
            }

            _template = _template with { Nc = mapped.Result };
        }

        return CreateCoreAsync(request, cancellationToken);
    }

    private async ValueTask<string?> CreateMappedAsync(ValueTask<uint> mapped, AuthRequest request, CancellationToken cancellationToken)
    {
        _template = _template with { Nc = await mapped.ConfigureAwait(false) };
        return await CreateCoreAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<string?> CreateCoreAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        if (_template.Qop == DigestQop.AuthInt)
        {
            return CreateWithBodyHashAsync(request, cancellationToken);
        }

        return new ValueTask<string?>(DigestAuthorizationWriter.Write(Complete(request, null)));
    }

    /// <inheritdoc />
    public override string? VerifyResponse(AuthRequest request, string? authenticationInfo)
    {
        if (authenticationInfo is null)
        {
            return null;
        }

        if (!AuthenticationInfo.TryParse(authenticationInfo, out AuthenticationInfo? info, out string? error))
        {
            return $"Authentication-Info from {Space} is malformed: {error}";
        }

        if (info.RspAuth is null || _template.Qop == DigestQop.None)
        {
            return null;
        }

        // RFC 7616 §3.5: rspauth proves the server knows the credential too.
        return DigestCalculator.VerifyRspAuth(Complete(request, _bodyHashHex), info.RspAuth)
            ? null
            : $"rspauth from {Space} does not match: the response did not come from a server that knows the credential";
    }

    private async ValueTask<string?> CreateWithBodyHashAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            _bodyHashHex = DigestCalculator.HashBody(_template.Algorithm, ReadOnlySpan<byte>.Empty);
        }
        else
        {
            Stream body = await request.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                _bodyHashHex = await DigestCalculator.HashBodyAsync(_template.Algorithm, body, cancellationToken).ConfigureAwait(false);
            }
        }

        return DigestAuthorizationWriter.Write(Complete(request, _bodyHashHex));
    }

    private DigestRequest Complete(AuthRequest request, string? bodyHashHex) => _template with
    {
        Method = request.Method.Method,
        DigestUri = request.RequestTarget,
        BodyHashHex = bodyHashHex,
    };
}
