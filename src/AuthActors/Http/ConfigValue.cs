using System.Globalization;

namespace AuthActors.Http;

/// <summary>
/// Reads the value formats of HOCON (Lightbend config HOCON.md, "Duration format" and "Size in
/// bytes format") and of .NET (<c>00:00:30</c>), so one options type binds from HOCON, JSON,
/// environment variables and the command line alike.
/// </summary>
internal static class ConfigValue
{
    /// <summary>A HOCON boolean: true/false, yes/no, on/off, any case (HOCON spec, "Booleans"); null otherwise.</summary>
    public static bool? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    /// <summary>
    /// A duration: a number and a unit (<c>ns us ms s m h d</c> or their long names, singular or
    /// plural); a bare number means milliseconds, as in HOCON; or a .NET TimeSpan (<c>00:01:30</c>).
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        if (s.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value);
        }

        if (!SplitNumber(s, out double number, out string unit) || number < 0)
        {
            return false;
        }

        double? ticksPerUnit = unit switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => TimeSpan.TicksPerMillisecond / 1_000_000.0,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => TimeSpan.TicksPerMicrosecond,
            "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            _ => null,
        };
        if (ticksPerUnit is null || number * ticksPerUnit.Value > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(number * ticksPerUnit.Value));
        return true;
    }

    /// <summary>
    /// A size in bytes: a number and a unit. HOCON's rules: <c>K M G</c>, <c>Ki Mi Gi</c> and
    /// <c>KiB MiB GiB</c> are powers of 1024; <c>kB MB GB</c> are powers of 1000; <c>B</c> or no
    /// unit are bytes.
    /// </summary>
    public static bool TryParseSize(string? text, out long value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !SplitNumber(text.Trim(), out double number, out string unit) || number < 0)
        {
            return false;
        }

        double? factor = unit switch
        {
            "" or "B" or "b" or "byte" or "bytes" => 1,
            "K" or "k" or "Ki" or "KiB" or "kibibyte" or "kibibytes" => 1L << 10,
            "M" or "m" or "Mi" or "MiB" or "mebibyte" or "mebibytes" => 1L << 20,
            "G" or "g" or "Gi" or "GiB" or "gibibyte" or "gibibytes" => 1L << 30,
            "kB" or "kilobyte" or "kilobytes" => 1e3,
            "MB" or "megabyte" or "megabytes" => 1e6,
            "GB" or "gigabyte" or "gigabytes" => 1e9,
            _ => null,
        };
        if (factor is null || number * factor.Value > long.MaxValue)
        {
            return false;
        }

        value = (long)Math.Round(number * factor.Value);
        return true;
    }

    private static bool SplitNumber(string s, out double number, out string unit)
    {
        int end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.'))
        {
            end++;
        }

        unit = s[end..].Trim();
        return double.TryParse(s.AsSpan(0, end), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
