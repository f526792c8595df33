namespace AuthActors.Interop.Squid;

/// <summary>Why the Auto-mode concurrent Squid crawls are skipped (docs/interop.md, bug 2).</summary>
internal static class SquidBugs
{
    public const string AutoStaysSharedOnStale =
        "library bug: Squid answers a used-up nonce (nonce_max_count) and a nonce killed by an out-of-order nc with 407 stale=true; "
        + "Auto mode treats that as expiry and stays shared, so each new nonce dies at once and requests exhaust their one stale retry";
}
