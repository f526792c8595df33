namespace AuthActors.Credentials;

/// <summary>A netrc oddity worth a warning but not an error. <see cref="Message"/> never quotes a token.</summary>
internal readonly record struct NetrcNotice(int Line, string Message);
