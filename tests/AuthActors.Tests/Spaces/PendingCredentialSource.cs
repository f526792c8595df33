using AuthActors.Credentials;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Tests.Spaces;

/// <summary>A credential source that answers only when the test says so (or never), so that a
/// space stays in its Resolving state with requests parked. Honours cancellation, as a space
/// that stops cancels its resolution.</summary>
internal sealed class PendingCredentialSource : ICredentialSource
{
    private readonly TaskCompletionSource<CredentialAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "pending";

    public async ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken) =>
        await _answer.Task.WaitAsync(cancellationToken);

    /// <summary>Answers every resolution, those waiting and those to come.</summary>
    public void Answer(CredentialAnswer answer) => _answer.TrySetResult(answer);

    public IChangeToken? GetChangeToken() => null;
}
