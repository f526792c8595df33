using AuthActors.Credentials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Primitives;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

/// <summary>Rotation: every source's change token, and the chain's composite of them, fire when answers may change.</summary>
public sealed class CredentialChangeTokenTests
{
    private static readonly Uri s_origin = new("https://api.example.com");

    [Fact]
    public void InMemory_Add_FiresTheToken()
    {
        var source = new InMemoryCredentialSource();
        IChangeToken token = source.GetChangeToken();
        Task fired = WhenFired(token);

        source.Add(s_origin, "alice", "pw");

        Assert.True(token.HasChanged);
        Assert.True(fired.IsCompleted);
    }

    [Fact]
    public void InMemory_Remove_FiresTheToken()
    {
        var source = new InMemoryCredentialSource().Add(s_origin, "alice", "pw");
        IChangeToken token = source.GetChangeToken();

        source.Remove(s_origin);

        Assert.True(token.HasChanged);
    }

    [Fact]
    public void InMemory_RemoveOfNothing_DoesNotFire()
    {
        var source = new InMemoryCredentialSource();
        IChangeToken token = source.GetChangeToken();

        source.Remove(s_origin);

        Assert.False(token.HasChanged);
    }

    [Fact]
    public void InMemory_AfterFiring_NewTokenIsUnfired()
    {
        var source = new InMemoryCredentialSource();
        source.Add(s_origin, "alice", "pw");

        Assert.False(source.GetChangeToken().HasChanged);
    }

    [Fact]
    public void Chain_Invalidate_FiresTheToken()
    {
        var chain = new CredentialChain([]);
        IChangeToken token = chain.GetChangeToken();
        Task fired = WhenFired(token);

        chain.Invalidate();

        Assert.True(token.HasChanged);
        Assert.True(fired.IsCompleted);
        Assert.False(chain.GetChangeToken().HasChanged);
    }

    [Fact]
    public void Chain_SourceMutation_FiresTheChainToken()
    {
        var memory = new InMemoryCredentialSource();
        var chain = new CredentialChain([new EnvironmentCredentialSource(getVariable: _ => null), memory]);
        IChangeToken token = chain.GetChangeToken();
        Task fired = WhenFired(token);

        memory.SetDefault("alice", "rotated");

        Assert.True(fired.IsCompleted);
    }

    [Fact]
    public void Chain_ChangeTokenOnChange_ReRegistersAfterEachFiring()
    {
        var memory = new InMemoryCredentialSource();
        var chain = new CredentialChain([memory]);
        int changes = 0;
        using IDisposable registration = ChangeToken.OnChange(chain.GetChangeToken, () => changes++);

        memory.Add(s_origin, "alice", "one");
        chain.Invalidate();
        memory.Add(s_origin, "alice", "two");

        Assert.Equal(3, changes);
    }

    [Fact]
    public async Task Configuration_Reload_FiresTheTokenAndTheNewPasswordIsServed()
    {
        var root = new ConfigurationRoot([new MemoryConfigurationProvider(new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["authactors:credentials:entries:0:origin"] = "https://api.example.com",
                ["authactors:credentials:entries:0:username"] = "alice",
                ["authactors:credentials:entries:0:password"] = "before",
            },
        })]);
        using (root)
        {
            var source = new ConfigurationCredentialSource(root.GetSection("authactors:credentials:entries"));
            var chain = new CredentialChain([source]);
            Task fired = WhenFired(chain.GetChangeToken());

            root["authactors:credentials:entries:0:password"] = "after";
            root.Reload();

            await fired.WaitAsync(DefaultTimeout);
            CredentialResolution resolution = await chain.ResolveAsync(Request("https://api.example.com"));
            Assert.Equal("after", resolution.Credential?.Password);
        }
    }

    [Fact]
    public async Task Netrc_FileRewrite_FiresTheTokenAndTheNewPasswordIsServed()
    {
        using var directory = new TempDirectory();
        string path = directory.File(".netrc");
        await File.WriteAllTextAsync(path, "machine api.example.com login alice password before\n");
        using var source = new NetrcCredentialSource(path);
        CredentialAnswer first = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);
        Task fired = WhenFired(new CredentialChain([source]).GetChangeToken());

        await File.WriteAllTextAsync(path, "machine api.example.com login alice password after-rotation\n");

        await fired.WaitAsync(DefaultTimeout);
        CredentialAnswer second = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);
        Assert.Equal("before", first.Credential?.Password);
        Assert.Equal("after-rotation", second.Credential?.Password);
    }

    [Fact]
    public async Task Netrc_FileCreatedAfterStart_FiresTheToken()
    {
        using var directory = new TempDirectory();
        string path = directory.File(".netrc");
        using var source = new NetrcCredentialSource(path);
        Task fired = WhenFired(source.GetChangeToken());

        await File.WriteAllTextAsync(path, "machine api.example.com login alice password pw\n");

        await fired.WaitAsync(DefaultTimeout);
        CredentialAnswer answer = await source.GetAsync(Request("https://api.example.com"), CancellationToken.None);
        Assert.Equal(CredentialAnswerKind.Found, answer.Kind);
    }

    [Fact]
    public void UrlUserInfo_NewCredential_FiresButTheSameAgainDoesNot()
    {
        var source = new UrlUserInfoCredentialSource();
        IChangeToken first = source.GetChangeToken();
        source.Capture(new Uri("https://alice:pw@api.example.com/a"));
        IChangeToken second = source.GetChangeToken();

        source.Capture(new Uri("https://alice:pw@api.example.com/b"));

        Assert.True(first.HasChanged);
        Assert.False(second.HasChanged);
    }

    [Fact]
    public void Sources_ThatNeverChange_HaveNoToken()
    {
        Assert.Null(((ICredentialSource)new EnvironmentCredentialSource(getVariable: _ => null)).GetChangeToken());
        Assert.Null(((ICredentialSource)new CredentialCacheSource(new System.Net.CredentialCache())).GetChangeToken());
    }
}
