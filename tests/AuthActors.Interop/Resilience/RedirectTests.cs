using AuthActors.Interop.Infrastructure;

namespace AuthActors.Interop.Resilience;

/// <summary>
/// A redirect chain across two origins (same host, different ports): A/start → A/next →
/// B/final → A/again. Each origin has its own account; credentials follow the origin, never the chain.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private const string AlicePassword = "alice-pass";
    private const string BobPassword = "bob-pass";

    private RecordingOrigin _a = null!;
    private RecordingOrigin _b = null!;

    public async Task InitializeAsync()
    {
        _a = await RecordingOrigin.StartAsync("realm-a", "alice", AlicePassword);
        _b = await RecordingOrigin.StartAsync("realm-b", "bob", BobPassword);
        _a.Redirects["/start"] = "/next";
        _a.Redirects["/next"] = new Uri(_b.BaseAddress, "/final").ToString();
        _b.Redirects["/final"] = new Uri(_a.BaseAddress, "/again").ToString();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Chain_AcrossOrigins_EndsWith200()
    {
        await using InteropClient client = CreateClient();

        string outcome = await client.GetAsync(new Uri(_a.BaseAddress, "/start"));

        Assert.Equal("200", outcome);
    }

    [Fact]
    public async Task Chain_CrossOrigin_NeverReceivesTheOtherOriginsCredentials()
    {
        await using InteropClient client = CreateClient();

        await client.GetAsync(new Uri(_a.BaseAddress, "/start"));

        Assert.DoesNotContain(_b.Seen, s => s.User == "alice");
        Assert.DoesNotContain(_a.Seen, s => s.User == "bob");
        // B is asked first without credentials, then with its own.
        Assert.Equal([("/final", null), ("/final", "bob")], _b.Seen);
    }

    [Fact]
    public async Task Chain_SameOrigin_KeepsAuthOnEveryHop()
    {
        await using InteropClient client = CreateClient();

        await client.GetAsync(new Uri(_a.BaseAddress, "/start"));

        // After the one challenge on /start, every hop on A (also the one back from B) carries
        // alice's credentials at once: no second 401 on A.
        Assert.Equal([("/start", null), ("/start", "alice"), ("/next", "alice"), ("/again", "alice")], _a.Seen);
    }

    [Fact]
    public async Task Chain_Concurrent_CredentialsStayWithTheirOrigins()
    {
        await using InteropClient client = CreateClient();

        LoadResult load = await client.RunAsync(64, 16, _ => new Uri(_a.BaseAddress, "/start"));

        Assert.True(load.Failures.Count == 0, load.ToString());
        Assert.DoesNotContain(_b.Seen, s => s.User == "alice");
        Assert.DoesNotContain(_a.Seen, s => s.User == "bob");
        Assert.Equal(64 * 3, _a.Seen.Count(s => s.User == "alice"));
    }

    private InteropClient CreateClient() => InteropClient.Create(new InteropClientOptions
    {
        UseDefaultCredential = false,
        PerOrigin = [(_a.BaseAddress, "alice", AlicePassword), (_b.BaseAddress, "bob", BobPassword)],
    });
}
