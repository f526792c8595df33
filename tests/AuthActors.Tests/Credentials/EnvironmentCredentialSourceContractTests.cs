using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class EnvironmentCredentialSourceContractTests : CredentialSourceContractTests
{
    protected override ICredentialSource CreateSource(Uri origin, string userName, string password)
    {
        var variables = new Dictionary<string, string>
        {
            ["AUTHACTORS_CRED_KNOWN_EXAMPLE_COM_8443_USER"] = userName,
            ["AUTHACTORS_CRED_KNOWN_EXAMPLE_COM_8443_PASSWORD"] = password,
        };
        return new EnvironmentCredentialSource(getVariable: name => variables.GetValueOrDefault(name));
    }
}
