namespace AuthActors.Credentials;

/// <summary>
/// Thrown by an <see cref="ICredentialSource"/> that cannot answer (a malformed configuration
/// entry, an unreadable store). Its message is promised to be free of secrets, so the
/// <see cref="CredentialChain"/> shows it in events and logs; the message of any other exception
/// type a source throws is withheld.
/// </summary>
public sealed class CredentialSourceException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CredentialSourceException()
        : base("The credential source could not answer.")
    {
    }

    /// <summary>Creates the exception. <paramref name="message"/> must not contain a secret.</summary>
    public CredentialSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception. <paramref name="message"/> must not contain a secret.</summary>
    public CredentialSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
