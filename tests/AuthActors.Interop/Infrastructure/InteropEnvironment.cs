namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// Where a peer is missing: on a developer's machine the test skips with the reason; on CI
/// (<c>CI=true</c>) it fails, because <c>.ci/run</c> installs every peer and a missing one means
/// the interop suite silently stopped testing anything.
/// </summary>
internal static class InteropEnvironment
{
    /// <summary>Whether the tests run on CI (<c>CI=true</c>, as GitHub Actions and most runners set it).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (CI) when <paramref name="missingReason"/> is not null.</summary>
    public static void Require(string? missingReason) => Require(missingReason, IsCi);

    /// <summary>As <see cref="Require(string?)"/>, with the CI flag given (for its own tests).</summary>
    public static void Require(string? missingReason, bool isCi)
    {
        if (missingReason is null)
        {
            return;
        }

        if (isCi)
        {
            Assert.Fail($"CI=true and a peer is missing: {missingReason}");
        }

        Skip.If(true, missingReason);
    }

    /// <summary>A scale knob read from the environment (for one-off larger runs), else <paramref name="fallback"/>.</summary>
    public static int Scale(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;
}
