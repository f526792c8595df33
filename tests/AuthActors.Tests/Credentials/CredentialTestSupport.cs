using System.Globalization;
using AuthActors.Credentials;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Tests.Credentials;

/// <summary>Shared helpers for the credential tests.</summary>
internal static class CredentialTestSupport
{
    /// <summary>
    /// The one default wait, scaled by AUTHACTORS_TEST_TIMEFACTOR on slow CI (as Akka TestKit's
    /// <c>timefactor</c>). Only an upper bound: tests finish as soon as the signal arrives.
    /// </summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(
        10 * (double.TryParse(Environment.GetEnvironmentVariable("AUTHACTORS_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && factor > 0 ? factor : 1));

    public static CredentialRequest Request(string origin, string? realm = null, string scheme = "Digest", bool isProxy = false) =>
        new(new Uri(origin), realm, scheme, isProxy);

    /// <summary>A task that completes when <paramref name="token"/> fires.</summary>
    public static Task WhenFired(IChangeToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.RegisterChangeCallback(static state => ((TaskCompletionSource)state!).TrySetResult(), fired);
        return fired.Task;
    }

    /// <summary>Waits for <paramref name="token"/> to fire, failing after <see cref="DefaultTimeout"/>.</summary>
    public static Task WaitForAsync(IChangeToken token) => WhenFired(token).WaitAsync(DefaultTimeout);
}
