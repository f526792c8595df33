using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class UrlUserInfoCredentialSourceContractTests : CredentialSourceContractTests
{
    protected override ICredentialSource CreateSource(Uri origin, string userName, string password)
    {
        var source = new UrlUserInfoCredentialSource();
        source.Capture(new Uri($"{origin.Scheme}://{Uri.EscapeDataString(userName)}:{Uri.EscapeDataString(password)}@{origin.Authority}/path"));
        return source;
    }
}
