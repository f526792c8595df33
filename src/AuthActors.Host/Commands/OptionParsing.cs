using System.CommandLine.Parsing;
using System.Globalization;

namespace AuthActors.Host.Commands;

/// <summary>Shared custom parsers for single-valued options: a bad value is a parse error naming the option (exit 2).</summary>
internal static class OptionParsing
{
    /// <summary>Tries to read one option value; false with a short reason (never echoing a secret).</summary>
    public delegate bool TryParseValue<T>(string text, out T value, out string? error);

    /// <summary>Parses a single-valued option with <paramref name="tryParse"/>; a failure is a parse error naming the option.</summary>
    public static T ParseOne<T>(ArgumentResult result, T defaultValue, string optionName, TryParseValue<T> tryParse)
    {
        if (result.Tokens.Count == 0)
        {
            return defaultValue;
        }

        string text = result.Tokens[^1].Value;
        if (tryParse(text, out T value, out string? error))
        {
            return value;
        }

        result.AddError($"{optionName}: {error}");
        return defaultValue;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static TryParseValue<int> IntIn(int min, int max, string what) => (string text, out int value, out string? error) =>
    {
        bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
        error = ok ? null : string.Create(CultureInfo.InvariantCulture, $"'{text}' is not {what} ({min}-{max})");
        return ok;
    };

    /// <summary>The same, for options whose absence is null.</summary>
    public static bool TryParsePositiveDurationOrNull(string text, out TimeSpan? value, out string? error)
    {
        bool ok = TryParsePositiveDuration(text, out TimeSpan parsed, out error);
        value = ok ? parsed : null;
        return ok;
    }

    /// <summary>A positive duration in the short form of <see cref="DurationParser"/>.</summary>
    public static bool TryParsePositiveDuration(string text, out TimeSpan value, out string? error)
    {
        bool ok = DurationParser.TryParse(text, out value) && value > TimeSpan.Zero;
        error = ok ? null : $"'{text}' is not a positive duration (e.g. 30s, 5m, 1.5h, 500ms)";
        return ok;
    }
}
