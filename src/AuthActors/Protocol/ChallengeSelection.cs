namespace AuthActors.Protocol;

/// <summary>
/// The outcome of <see cref="ChallengeSelector.Select"/>: the chosen challenge (and its Digest
/// reading when it is Digest), or <see langword="null"/>s and a <paramref name="Reason"/> listing
/// every challenge that was skipped and why.
/// </summary>
/// <param name="Challenge">The chosen challenge, or <see langword="null"/>.</param>
/// <param name="Digest">The Digest reading of the chosen challenge, or <see langword="null"/> for Basic or none.</param>
/// <param name="Reason">Why nothing was usable; <see langword="null"/> when a challenge was chosen.</param>
internal sealed record ChallengeSelection(AuthChallenge? Challenge, DigestChallenge? Digest, string? Reason);
