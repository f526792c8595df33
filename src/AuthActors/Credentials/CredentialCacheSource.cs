using System.Net;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Adapts <see cref="ICredentials"/> (a <see cref="CredentialCache"/>, or a single
/// <see cref="NetworkCredential"/> that answers every URI and scheme) to the chain (name
/// <c>"credential-cache"</c>), for code moving from <c>HttpClientHandler.Credentials</c>.
/// </summary>
/// <remarks>
/// <para>
/// Asks <see cref="ICredentials.GetCredential"/> with <see cref="CredentialRequest.RequestUri"/>
/// (or the origin when it is unknown, so a cache entry registered for a path prefix matches only
/// when the request URI is given) and the request's scheme. <see langword="null"/> declines; a
/// credential with no user name (such as <see cref="CredentialCache.DefaultNetworkCredentials"/>,
/// which only integrated schemes can use) declines with a reason.
/// </para>
/// <para>
/// A non-empty <see cref="NetworkCredential.Domain"/> becomes <see cref="Credential.Account"/>;
/// for Basic the user name also becomes <c>DOMAIN\user</c>, as SocketsHttpHandler sends it.
/// </para>
/// <para>
/// <see cref="CredentialCache"/> raises no change notification: after changing it, call
/// <see cref="CredentialChain.Invalidate"/>.
/// </para>
/// </remarks>
public sealed class CredentialCacheSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> of every adapter.</summary>
    public const string SourceName = "credential-cache";

    private readonly ICredentials _credentials;

    /// <summary>Creates the adapter.</summary>
    public CredentialCacheSource(ICredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        NetworkCredential? found = _credentials.GetCredential(request.RequestUri ?? request.Origin, request.Scheme);
        if (found is null)
        {
            return ValueTask.FromResult(CredentialAnswer.Declined);
        }

        if (string.IsNullOrEmpty(found.UserName))
        {
            return ValueTask.FromResult(CredentialAnswer.Decline($"the {request.Scheme} credential has no user name (default network credentials serve only integrated schemes)"));
        }

        string? domain = string.IsNullOrEmpty(found.Domain) ? null : found.Domain;
        string userName = domain is not null && string.Equals(request.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            ? domain + "\\" + found.UserName
            : found.UserName;
        return ValueTask.FromResult(CredentialAnswer.Found(new Credential(userName, found.Password ?? "", domain)));
    }

    /// <summary>Always <see langword="null"/>: <see cref="ICredentials"/> raises no change notification.</summary>
    public IChangeToken? GetChangeToken() => null;
}
