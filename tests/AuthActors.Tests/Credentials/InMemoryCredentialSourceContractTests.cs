using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class InMemoryCredentialSourceContractTests : CredentialSourceContractTests
{
    protected override ICredentialSource CreateSource(Uri origin, string userName, string password) =>
        new InMemoryCredentialSource().Add(origin, userName, password);
}
