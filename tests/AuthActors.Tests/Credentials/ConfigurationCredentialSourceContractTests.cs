using AuthActors.Credentials;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Tests.Credentials;

public sealed class ConfigurationCredentialSourceContractTests : CredentialSourceContractTests
{
    protected override ICredentialSource CreateSource(Uri origin, string userName, string password)
    {
        IConfigurationRoot root = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["authactors:credentials:entries:0:origin"] = origin.ToString(),
                ["authactors:credentials:entries:0:username"] = userName,
                ["authactors:credentials:entries:0:password"] = password,
            })
            .Build();
        return new ConfigurationCredentialSource(root.GetSection("authactors:credentials:entries"));
    }
}
