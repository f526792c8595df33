using AuthActors.Credentials;
using AuthActors.Host.Commands;
using AuthActors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthActors.Tests.Credentials;

/// <summary>A netrc file that is not where the configuration says is reported, a relative path
/// is relative to the file that names it, and the CLI reads netrc only when asked, as curl does.</summary>
public sealed class NetrcPathTests
{
    [Fact]
    public async Task NamedNetrcFile_Missing_TheFailureReasonNamesThePath()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"authactors-{Guid.NewGuid():N}", "netrc");
        var chain = new CredentialChain([new NetrcCredentialSource(missing)]);

        CredentialResolution resolution = await chain.ResolveAsync(new CredentialRequest(new Uri("https://api.example.com"), "r", "Digest", IsProxy: false));

        Assert.Null(resolution.Credential);
        Assert.Contains($"the netrc file '{missing}' does not exist", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeNetrcFile_InAHoconFile_IsRelativeToThatFile()
    {
        string directory = Directory.CreateTempSubdirectory("authactors-netrc").FullName;
        try
        {
            string conf = Path.Combine(directory, "app.conf");
            File.WriteAllText(conf, "authactors.credentials.netrc-file = secrets/netrc\n");

            IConfigurationRoot configuration = new ConfigurationBuilder().AddHoconFile(conf).Build();

            Assert.Equal(Path.Combine(directory, "secrets", "netrc"), configuration["authactors:credentials:netrc-file"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Cli_ReadsNetrc_OnlyWithTheFlag(bool flag, bool expected)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddAuthActorsReference().Build());
        ClientServices.Add(services, new ClientSettings { Netrc = flag }, [new Uri("http://127.0.0.1:1")], verbose: null);
        using ServiceProvider provider = services.BuildServiceProvider();

        AuthActorsOptions options = provider.GetRequiredService<IOptions<AuthActorsOptions>>().Value;

        Assert.Equal(expected, options.Credentials.Sources.Contains("netrc"));
    }
}
