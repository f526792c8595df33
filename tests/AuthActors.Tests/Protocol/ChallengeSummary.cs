using AuthActors.Protocol;

namespace AuthActors.Tests.Protocol;

/// <summary>A compact, exact rendering of parsed challenges for table-driven assertions.</summary>
internal static class ChallengeSummary
{
    /// <summary><c>Scheme{name=value;name=value} | Scheme token68 | Scheme</c>.</summary>
    public static string Of(IEnumerable<AuthChallenge> challenges) =>
        string.Join(" | ", challenges.Select(Of));

    public static string Of(AuthChallenge challenge) =>
        challenge.Token68 is not null ? $"{challenge.Scheme} {challenge.Token68}"
        : challenge.Parameters.Count == 0 ? challenge.Scheme
        : challenge.Scheme + "{" + string.Join(";", challenge.Parameters.Select(p => $"{p.Key}={p.Value}")) + "}";
}
