using AuthActors.Credentials;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Host.Commands;

/// <summary>
/// The credential of <c>--client-id</c>/<c>--client-secret</c> or <c>--bearer</c>, for the origins
/// the command was given and for the Bearer scheme only (the library's in-memory source answers
/// every scheme, so a client secret there could be sent as a Basic or Digest password). It is
/// first in the chain, and it also stops the chain for a Bearer space on plain http to a host
/// other than loopback: the host lets Bearer use http (the embedded server is http on 127.0.0.1),
/// but a token or client id sent in clear across a network is all an eavesdropper needs
/// (RFC 6750 §5.3, RFC 6749 §2.3.1 require TLS).
/// </summary>
internal sealed class BearerCredentialSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> events and <see cref="Credential.Source"/> show.</summary>
    public const string SourceName = "command-line";

    private readonly HashSet<OriginKey> _origins;
    private readonly Credential _credential;

    public BearerCredentialSource(IEnumerable<Uri> origins, Credential credential)
    {
        _origins = [.. origins.Select(o => OriginKey.From(o))];
        _credential = credential;
    }

    public string Name => SourceName;

    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsProxy || !string.Equals(request.Scheme, BearerScheme.SchemeName, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(CredentialAnswer.Declined);
        }

        if (request.Origin.Scheme == Uri.UriSchemeHttp && !request.Origin.IsLoopback)
        {
            return ValueTask.FromResult(CredentialAnswer.Deny(
                "Bearer credentials go over plain http only to a loopback host; use https (RFC 6750 section 5.3)"));
        }

        return ValueTask.FromResult(_origins.Contains(OriginKey.From(request.Origin))
            ? CredentialAnswer.Found(_credential)
            : CredentialAnswer.Declined);
    }

    public IChangeToken? GetChangeToken() => null;
}
