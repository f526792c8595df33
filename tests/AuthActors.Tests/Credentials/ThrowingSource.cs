using AuthActors.Credentials;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Tests.Credentials;

/// <summary>A source that throws the exception it is given.</summary>
internal sealed class ThrowingSource(string name, Func<Exception> exception) : ICredentialSource
{
    public string Name { get; } = name;

    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken) =>
        throw exception();

    public IChangeToken? GetChangeToken() => null;
}
