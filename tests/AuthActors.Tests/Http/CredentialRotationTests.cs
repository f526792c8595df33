using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>Rotation (issue: credential backends): a credential changed mid-load is used by every
/// request that starts after the change is acknowledged, and no request is lost.</summary>
public sealed class CredentialRotationTests
{
    [Fact]
    public async Task RotationMidLoad_10000At64_NoOldCredentialAfterAcknowledgement_NothingLost()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Users = new Dictionary<string, string> { ["alice"] = "alices-secret", ["bob"] = "bobs-secret" },
        });
        var memory = new InMemoryCredentialSource().SetDefault("alice", "alices-secret");
        await using var runtime = new AuthActorsRuntime(new CredentialChain([memory]));
        var recorder = new RecordingHandler(new SocketsHttpHandler { UseProxy = false });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime, inner: recorder));
        var startedAfterAck = new ConcurrentDictionary<int, bool>();
        int acknowledged = 0;
        int ok = 0;
        var failures = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            if (i == 5_000)
            {
                memory.SetDefault("bob", "bobs-secret");
                await runtime.InvalidateCredentialsAsync(ct);
                Volatile.Write(ref acknowledged, 1);
            }

            startedAfterAck[i] = Volatile.Read(ref acknowledged) == 1;
            using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, $"/r/{i}"), ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                failures.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

        Assert.Empty(failures);
        Assert.Equal(10_000, ok);
        var userOf = recorder.Sent
            .Where(s => s.Authorization is not null)
            .Select(s => (Index: int.Parse(s.Uri.AbsolutePath[3..], System.Globalization.CultureInfo.InvariantCulture), User: DigestCredentials.TryParse(s.Authorization, out DigestCredentials? c, out _) ? c.UserName : "?"))
            .ToList();
        var lateWithOld = userOf.Where(u => startedAfterAck[u.Index] && u.User != "bob").ToList();
        Assert.True(lateWithOld.Count == 0, $"{lateWithOld.Count} requests started after the acknowledgement used the old credential");
        Assert.Contains(userOf, u => u.User == "alice");
        Assert.Contains(userOf, u => u.User == "bob");
    }

    [Fact]
    public async Task ChangeToken_OfASource_RotatesWithoutAnExplicitInvalidate()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Users = new Dictionary<string, string> { ["alice"] = "alices-secret", ["bob"] = "bobs-secret" },
        });
        var memory = new InMemoryCredentialSource().SetDefault("alice", "wrong");
        await using var runtime = new AuthActorsRuntime(new CredentialChain([memory]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        using (HttpResponseMessage refused = await client.GetAsync(new Uri(server.BaseAddress, "/a")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        memory.SetDefault("bob", "bobs-secret");

        // The change token reaches the space asynchronously; poll with real requests, bounded.
        HttpStatusCode status = HttpStatusCode.Unauthorized;
        for (int attempt = 0; attempt < 200 && status != HttpStatusCode.OK; attempt++)
        {
            using HttpResponseMessage r = await client.GetAsync(new Uri(server.BaseAddress, $"/b/{attempt}"));
            status = r.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
