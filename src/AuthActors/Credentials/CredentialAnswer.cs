namespace AuthActors.Credentials;

/// <summary>
/// One source's answer: <see cref="Found"/>, <see cref="Declined"/> (ask the next source) or
/// <see cref="Deny"/> (stop the chain; send nothing). <c>default</c> is <see cref="Declined"/>.
/// <see cref="ToString"/> never shows the password.
/// </summary>
public readonly record struct CredentialAnswer
{
    private CredentialAnswer(CredentialAnswerKind kind, Credential? credential, string? reason)
    {
        Kind = kind;
        Credential = credential;
        Reason = reason;
    }

    /// <summary>What the source answered.</summary>
    public CredentialAnswerKind Kind { get; }

    /// <summary>The credential when <see cref="Kind"/> is <see cref="CredentialAnswerKind.Found"/>; otherwise <see langword="null"/>.</summary>
    public Credential? Credential { get; }

    /// <summary>Why the source declined or denied (never a secret), or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>A decline with no reason: the source has nothing for this request.</summary>
    public static CredentialAnswer Declined => default;

    /// <summary>The source supplies <paramref name="credential"/>.</summary>
    public static CredentialAnswer Found(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new CredentialAnswer(CredentialAnswerKind.Found, credential, null);
    }

    /// <summary>
    /// A decline that says why (e.g. "the netrc entry has a login but no password"); the chain
    /// still asks the next source, and reports the reason if nobody answers.
    /// </summary>
    public static CredentialAnswer Decline(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CredentialAnswer(CredentialAnswerKind.Declined, null, reason);
    }

    /// <summary>Stops the chain: no credential is sent for this space. <paramref name="reason"/> must not contain a secret.</summary>
    public static CredentialAnswer Deny(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CredentialAnswer(CredentialAnswerKind.Denied, null, reason);
    }

    /// <summary>Returns e.g. <c>Found(Credential(user=alice, source=netrc))</c> or <c>Denied(reason)</c>; never the password.</summary>
    public override string ToString() => Kind switch
    {
        CredentialAnswerKind.Found => $"Found({Credential})",
        _ when Reason is null => Kind.ToString(),
        _ => $"{Kind}({Reason})",
    };
}
