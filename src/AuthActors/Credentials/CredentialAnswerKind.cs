namespace AuthActors.Credentials;

/// <summary>What one <see cref="ICredentialSource"/> answered, as in Django's authentication backends.</summary>
public enum CredentialAnswerKind
{
    /// <summary>
    /// The source has nothing for this request: ask the next source. Zero, so that
    /// <c>default(CredentialAnswer)</c> is a decline rather than a "found" with no credential.
    /// </summary>
    Declined = 0,

    /// <summary>The source supplied a credential: the chain stops and uses it.</summary>
    Found = 1,

    /// <summary>The source forbids sending any credential to this space: the chain stops at once.</summary>
    Denied = 2,
}
