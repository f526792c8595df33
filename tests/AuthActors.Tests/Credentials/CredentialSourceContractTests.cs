using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

/// <summary>
/// What every <see cref="ICredentialSource"/> must do, run once per implementation (as
/// ChannelTestBase is run per channel kind). A derived class builds a source that knows exactly
/// one credential, for <see cref="KnownOrigin"/>.
/// </summary>
public abstract class CredentialSourceContractTests : IDisposable
{
    protected static readonly Uri KnownOrigin = new("https://known.example.com:8443");
    protected static readonly Uri UnknownOrigin = new("https://unknown.example.org");
    protected const string UserName = "contract-user";
    protected const string Password = "Contract-Pa55word!";

    private ICredentialSource? _source;

    protected ICredentialSource Source => _source ??= CreateSource(KnownOrigin, UserName, Password);

    /// <summary>Builds a source that answers <paramref name="origin"/> with the credential given, and nothing else.</summary>
    protected abstract ICredentialSource CreateSource(Uri origin, string userName, string password);

    [Fact]
    public async Task GetAsync_UnknownOrigin_Declines()
    {
        CredentialAnswer answer = await Source.GetAsync(new CredentialRequest(UnknownOrigin, "realm", "Digest", IsProxy: false), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Null(answer.Credential);
    }

    [Fact]
    public async Task GetAsync_KnownOrigin_FindsTheCredential()
    {
        CredentialAnswer answer = await Source.GetAsync(new CredentialRequest(KnownOrigin, "realm", "Digest", IsProxy: false), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Found, answer.Kind);
        Assert.NotNull(answer.Credential);
        Assert.Equal(UserName, answer.Credential.UserName);
        Assert.Equal(Password, answer.Credential.Password);
    }

    [Fact]
    public void Name_IsNotEmpty()
    {
        Assert.False(string.IsNullOrWhiteSpace(Source.Name));
    }

    [Fact]
    public async Task AnswerToString_AnyAnswer_NeverContainsThePassword()
    {
        CredentialAnswer found = await Source.GetAsync(new CredentialRequest(KnownOrigin, "realm", "Digest", IsProxy: false), CancellationToken.None);
        CredentialAnswer declined = await Source.GetAsync(new CredentialRequest(UnknownOrigin, "realm", "Digest", IsProxy: false), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Found, found.Kind);
        Assert.Contains(UserName, found.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, found.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, found.Credential!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, declined.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_ThroughChain_StampsTheSourceName()
    {
        var chain = new CredentialChain([Source]);

        CredentialResolution resolution = await chain.ResolveAsync(new CredentialRequest(KnownOrigin, "realm", "Digest", IsProxy: false));

        Assert.True(resolution.IsFound);
        Assert.Equal(Source.Name, resolution.Credential.Source);
        Assert.DoesNotContain(Password, resolution.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _source is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
