using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class NetrcCredentialSourceContractTests : CredentialSourceContractTests
{
    private readonly TempDirectory _directory = new();

    protected override ICredentialSource CreateSource(Uri origin, string userName, string password)
    {
        string path = _directory.File(".netrc");
        File.WriteAllText(path, $"machine {origin.Host} login {userName} password {password}\n");
        return new NetrcCredentialSource(path);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
