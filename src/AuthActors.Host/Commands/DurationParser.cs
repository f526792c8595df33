using System.Globalization;

namespace AuthActors.Host.Commands;

/// <summary>
/// Reads durations written the short way: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1.5h</c>,
/// <c>2d</c>, or several parts together (<c>1h30m</c>). Units: ms, s, m, h, d. Numbers use
/// a dot for decimals whatever the culture.
/// </summary>
internal static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; false for empty, unknown units, missing numbers or overflow.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan().Trim();
        decimal totalMilliseconds = 0;
        while (!rest.IsEmpty)
        {
            int numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            int unitLength = 0;
            while (numberLength + unitLength < rest.Length && char.IsAsciiLetter(rest[numberLength + unitLength]))
            {
                unitLength++;
            }

            if (numberLength == 0
                || unitLength == 0
                || !decimal.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            {
                return false;
            }

            decimal unit = UnitMilliseconds(rest.Slice(numberLength, unitLength));
            if (unit == 0)
            {
                return false;
            }

            totalMilliseconds += number * unit;
            if (totalMilliseconds > (decimal)TimeSpan.MaxValue.TotalMilliseconds / 2)
            {
                return false;
            }

            rest = rest[(numberLength + unitLength)..];
        }

        duration = TimeSpan.FromTicks((long)(totalMilliseconds * TimeSpan.TicksPerMillisecond));
        return true;
    }

    /// <summary>Writes a duration back in the same short form (<c>5m</c>, <c>1h30m</c>, <c>500ms</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new System.Text.StringBuilder();
        Append(parts, duration.Days, "d");
        Append(parts, duration.Hours, "h");
        Append(parts, duration.Minutes, "m");
        Append(parts, duration.Seconds, "s");
        Append(parts, duration.Milliseconds, "ms");
        return parts.Length == 0 ? "0s" : parts.ToString();
    }

    private static void Append(System.Text.StringBuilder parts, int value, string unit)
    {
        if (value != 0)
        {
            parts.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static decimal UnitMilliseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 1m,
        "s" => 1_000m,
        "m" => 60_000m,
        "h" => 3_600_000m,
        "d" => 86_400_000m,
        _ => 0m,
    };
}
