using System.Net;
using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class CredentialCacheSourceContractTests : CredentialSourceContractTests
{
    protected override ICredentialSource CreateSource(Uri origin, string userName, string password)
    {
        var cache = new CredentialCache { { origin, "Digest", new NetworkCredential(userName, password) } };
        return new CredentialCacheSource(cache);
    }
}
