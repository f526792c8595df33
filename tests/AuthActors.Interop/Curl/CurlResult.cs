using System.Text.RegularExpressions;

namespace AuthActors.Interop.Curl;

/// <summary>What curl did. With <c>-v</c>, <see cref="Error"/> holds the request headers it sent;
/// <see cref="SentAuthorization"/> reads the parameters of the last Authorization it sent.</summary>
internal sealed partial record CurlResult(int Exit, string Output, string Error)
{
    /// <summary>Parameters of the last (Proxy-)Authorization curl sent, minus the response hash.</summary>
    public IReadOnlyDictionary<string, string> SentAuthorization
    {
        get
        {
            MatchCollection lines = AuthorizationLine().Matches(Error);
            if (lines.Count == 0)
            {
                return new Dictionary<string, string>();
            }

            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match parameter in Parameter().Matches(lines[^1].Groups[1].Value))
            {
                if (!parameter.Groups[1].Value.Equals("response", StringComparison.OrdinalIgnoreCase))
                {
                    parameters[parameter.Groups[1].Value] = parameter.Groups[2].Value.Trim('"');
                }
            }

            return parameters;
        }
    }

    public int AuthorizationsSent => AuthorizationLine().Count(Error);

    /// <summary>The response hash of the last Authorization (a test account's, for recomputing it).</summary>
    public string? SentResponse
    {
        get
        {
            MatchCollection lines = AuthorizationLine().Matches(Error);
            Match? response = lines.Count == 0 ? null : ResponseParameter().Match(lines[^1].Groups[1].Value);
            return response is { Success: true } ? response.Groups[1].Value : null;
        }
    }

    [GeneratedRegex(@"^> (?:Proxy-)?Authorization: Digest (.*)$", RegexOptions.Multiline)]
    private static partial Regex AuthorizationLine();

    [GeneratedRegex(@"(?:^|[\s,])response=""([0-9a-fA-F]+)""")]
    private static partial Regex ResponseParameter();

    [GeneratedRegex(@"([A-Za-z-]+)=(""[^""]*""|[^,\s]+)")]
    private static partial Regex Parameter();
}
