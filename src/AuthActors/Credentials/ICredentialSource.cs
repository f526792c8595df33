using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// One backend of the <see cref="CredentialChain"/>. A source answers Found, Declined or Denied
/// (<see cref="CredentialAnswer"/>); if it cannot answer at all it throws, and the chain records
/// a <see cref="CredentialEventKind.SourceFailed"/> event and asks the next source. Throw
/// <see cref="CredentialSourceException"/> when the message is safe to show; other exception
/// messages are withheld from events and logs, since they might carry a secret.
/// </summary>
/// <remarks>Sources never log passwords. Implementations must be safe to call concurrently.</remarks>
public interface ICredentialSource
{
    /// <summary>A short, stable name that events and <see cref="Credential.Source"/> carry, e.g. <c>"netrc"</c>.</summary>
    string Name { get; }

    /// <summary>Answers one request.</summary>
    ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A token that fires when this source's answers may have changed (configuration reload, file
    /// change, an explicit mutation); obtain a new one after it fires. <see langword="null"/> when
    /// the source never changes.
    /// </summary>
    IChangeToken? GetChangeToken();
}
