using System.Diagnostics.CodeAnalysis;

namespace AuthActors.Credentials;

/// <summary>
/// The outcome of <see cref="CredentialChain.ResolveAsync"/>: either a <see cref="Credential"/>
/// (with <see cref="Credential.Source"/> set), or a <see cref="Failure"/> of
/// <see cref="CredentialEventKind.Denied"/>, <see cref="CredentialEventKind.NoCredentials"/> or
/// <see cref="CredentialEventKind.SourceFailed"/> with a <see cref="Reason"/> naming the source.
/// </summary>
/// <param name="Credential">The credential found, or <see langword="null"/>.</param>
/// <param name="Failure">Why there is none, or <see langword="null"/> when one was found.</param>
/// <param name="Reason">A reason naming the source(s) involved, or <see langword="null"/> when one was found. Never a secret.</param>
public sealed record CredentialResolution(Credential? Credential, CredentialEventKind? Failure, string? Reason)
{
    /// <summary>Whether a credential was found.</summary>
    [MemberNotNullWhen(true, nameof(Credential))]
    public bool IsFound => Credential is not null;
}
