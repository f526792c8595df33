namespace AuthActors.Protocol;

/// <summary>
/// What <see cref="ChallengeParser"/> made of one or more header fields: every challenge that
/// parsed, and an error describing everything that did not.
/// </summary>
internal sealed class ChallengeParseResult
{
    internal ChallengeParseResult(List<AuthChallenge> challenges, string? error)
    {
        Challenges = challenges.AsReadOnly();
        Error = error;
    }

    /// <summary>Every challenge that parsed, in order. A good challenge is kept even when another one is bad.</summary>
    public IReadOnlyList<AuthChallenge> Challenges { get; }

    /// <summary>
    /// <see langword="null"/> when all input parsed; otherwise names the field, the challenge
    /// (1-based index and scheme), the parameter and what was wrong with it.
    /// </summary>
    public string? Error { get; }

    /// <summary>Whether all input parsed (<see cref="Error"/> is <see langword="null"/>).</summary>
    public bool IsSuccess => Error is null;
}
