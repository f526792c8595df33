using System.Globalization;

namespace AuthActors.Host.Commands;

/// <summary>
/// A crawl's input: one URL a line. Blank lines and lines starting with <c>#</c> are skipped
/// quietly; a line that is not an absolute http:// or https:// URL is reported and skipped.
/// </summary>
internal sealed record UrlList(IReadOnlyList<Uri> Urls, IReadOnlyList<string> Problems)
{
    private const int MaxShownLength = 200;

    /// <summary>Reads every line of <paramref name="reader"/>.</summary>
    public static async Task<UrlList> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var urls = new List<Uri>();
        var problems = new List<string>();
        int number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            string text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                // Bytes that are not UTF-8 were read as U+FFFD: fetching what they became would
                // fetch another URL than the file holds.
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: not valid UTF-8, skipped"));
            }
            else if (TryParse(text, out Uri? url))
            {
                urls.Add(url);
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: not an http:// or https:// URL, skipped: {Shown(text)}"));
            }
        }

        return new UrlList(urls, problems);
    }

    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    private static string Shown(string text) => SecretMasking.MaskUrlInput(text, MaxShownLength);
}
