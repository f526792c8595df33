using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// A one-shot change token that renews itself, as <c>ConfigurationRoot</c> does with its reload
/// token: each <see cref="Fire"/> fires the token handed out so far and installs a fresh one, so
/// consumers re-register after every change (like <c>ChangeToken.OnChange</c> does).
/// </summary>
internal sealed class ChangeSignal
{
    // ConfigurationReloadToken is the framework's fire-once token; borrowing it keeps this type
    // free of a CancellationTokenSource it would otherwise have to own and dispose.
    private ConfigurationReloadToken _current = new();

    public IChangeToken GetToken() => Volatile.Read(ref _current);

    /// <summary>
    /// Fires the current token. Callbacks run synchronously on this thread; if any throw, the
    /// exceptions arrive together as an <see cref="AggregateException"/> after all have run.
    /// </summary>
    public void Fire()
    {
        ConfigurationReloadToken previous = Interlocked.Exchange(ref _current, new ConfigurationReloadToken());
        previous.OnReload();
    }
}
