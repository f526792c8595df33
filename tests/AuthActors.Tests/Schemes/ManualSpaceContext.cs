using AuthActors.Diagnostics;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Schemes;

/// <summary>
/// A <see cref="SpaceContext"/> without an actor: work a scheme hands to <see cref="Run{T}"/> waits
/// in a queue until the test runs it with <see cref="RunNextAsync"/>, which then calls the scheme
/// back on the test's thread, as the actor would on its own. The clock is fake, the logger collects.
/// </summary>
internal sealed class ManualSpaceContext : SpaceContext, IDisposable
{
    private readonly Queue<Func<Task>> _pending = new();

    public ManualSpaceContext(FakeTimeProvider? clock = null) => Clock = clock ?? new FakeTimeProvider();

    public FakeTimeProvider Clock { get; }

    public CollectingLoggerFactory Logs { get; } = new();

    /// <summary>How many pieces of work the scheme handed over and the test has not run yet.</summary>
    public int PendingCount => _pending.Count;

    public override SpaceKey Key { get; } = new(new OriginKey(false, "https", "api.example", 443), "api");

    public override SpaceSettings Settings { get; } = new();

    public override bool IsRebuilt => false;

    public override TimeProvider TimeProvider => Clock;

    public override ILogger Logger => Logs.CreateLogger("AuthActors.Spaces");

    public override AuthActorsDiagnostics Diagnostics { get; } = new();

    public override void Run<T>(Func<CancellationToken, Task<T>> work, Action<T> onSuccess, Action<Exception> onFailure) =>
        _pending.Enqueue(async () =>
        {
            T result;
            try
            {
                result = await work(CancellationToken.None);
            }
            catch (Exception e)
            {
                onFailure(e);
                return;
            }

            onSuccess(result);
        });

    /// <summary>Runs the oldest pending work to its end and its callback.</summary>
    public Task RunNextAsync()
    {
        Assert.True(_pending.Count > 0, "the scheme started no work");
        return _pending.Dequeue()();
    }

    public void Dispose()
    {
        Diagnostics.Dispose();
        Logs.Dispose();
    }
}
