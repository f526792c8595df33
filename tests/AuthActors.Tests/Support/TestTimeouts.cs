using System.Globalization;

namespace AuthActors.Tests.Support;

/// <summary>
/// The one default timeout for waits in tests, scaled for slow machines by the environment variable
/// <c>AUTHACTORS_TEST_TIMEFACTOR</c> (like Akka TestKit's <c>akka.test.timefactor</c>), e.g. 2 doubles every wait.
/// </summary>
public static class TestTimeouts
{
    /// <summary>The environment variable holding the time factor (a number ≥ 1, invariant culture).</summary>
    public const string TimeFactorVariable = "AUTHACTORS_TEST_TIMEFACTOR";

    /// <summary>The factor applied by <see cref="Dilated"/>; 1 when the variable is unset or not a number ≥ 1.</summary>
    public static double TimeFactor { get; } = ReadTimeFactor();

    /// <summary>How long a test waits for something that should happen: 3 s times <see cref="TimeFactor"/>.</summary>
    public static TimeSpan Default { get; } = Dilated(TimeSpan.FromSeconds(3));

    /// <summary>Scales <paramref name="duration"/> by <see cref="TimeFactor"/>.</summary>
    /// <param name="duration">The undilated duration.</param>
    /// <returns>The dilated duration.</returns>
    public static TimeSpan Dilated(TimeSpan duration) => duration * TimeFactor;

    private static double ReadTimeFactor()
    {
        string? text = Environment.GetEnvironmentVariable(TimeFactorVariable);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && factor >= 1
            ? factor
            : 1;
    }
}
