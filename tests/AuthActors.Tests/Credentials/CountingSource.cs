using AuthActors.Credentials;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Tests.Credentials;

/// <summary>A source that returns a fixed answer and counts how often it was asked.</summary>
internal sealed class CountingSource(string name, CredentialAnswer answer) : ICredentialSource
{
    private int _calls;

    public string Name { get; } = name;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(answer);
    }

    public IChangeToken? GetChangeToken() => null;
}
