using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Protocol;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using Akka.Actor;
using Akka.TestKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Tests.Spaces;

/// <summary>What the space and registry specs build their actors and messages from.</summary>
internal static class SpaceSpecFixtures
{
    /// <summary>The realm of every challenge here.</summary>
    public const string Realm = "specs";

    public const string UserName = "alice";

    /// <summary>Distinctive, so a leak into a reason or a log line cannot go unseen.</summary>
    public const string Password = "pw-Zq81-never-shown";

    public static OriginKey OriginA { get; } = OriginKey.From(new Uri("http://a.test/"));

    public static OriginKey OriginB { get; } = OriginKey.From(new Uri("http://b.test/"));

    /// <summary>An RFC 7616 challenge of realm <see cref="Realm"/>, parsed as the handler would.</summary>
    public static AuthChallenge Digest(string nonce, bool stale = false) =>
        ChallengeParser.Parse($"Digest realm=\"{Realm}\", qop=\"auth\", algorithm=SHA-256, nonce=\"{nonce}\"{(stale ? ", stale=true" : "")}")
            .Challenges.Single();

    /// <summary>A 401 answered a request to <paramref name="origin"/> that carried <paramref name="lease"/>.</summary>
    public static ReportChallenge Report(OriginKey origin, AuthChallenge challenge, AuthLease? lease = null, IAuthScheme? scheme = null, string path = "/") =>
        new(origin, path, lease, scheme ?? DigestScheme.Instance, challenge, Realm, HasBody: false);

    public static LeaseHeader Lease(OriginKey origin, string path = "/") => new(origin, path, HasBody: false);

    /// <summary>One credential for every origin, held by an in-memory source (its name is <c>memory</c>).</summary>
    public static ICredentialSource AliceEverywhere() => new InMemoryCredentialSource().SetDefault(UserName, Password);

    public static SpaceServices Services(
        ICredentialSource source,
        AuthActorsDiagnostics diagnostics,
        SpaceSettings? settings = null,
        ILoggerFactory? logs = null)
    {
        logs ??= NullLoggerFactory.Instance;
        return new SpaceServices(
            new CredentialChain([source], new Logger<CredentialChain>(logs)),
            (settings ?? new SpaceSettings()).Validate(),
            AuthSchemeRegistry.Default,
            diagnostics,
            logs,
            TimeProvider.System);
    }

    /// <summary>
    /// Returns once <paramref name="actor"/> has handled everything sent to it before. Identify
    /// queues behind those messages and, being <see cref="INotInfluenceReceiveTimeout"/>, leaves the
    /// receive timeout set by the last of them in place, so advancing the clock afterwards is exact.
    /// </summary>
    public static async Task SettledAsync(this TestKitBase kit, IActorRef actor)
    {
        TestProbe probe = kit.CreateTestProbe();
        actor.Tell(new Identify("settled"), probe);
        await probe.ExpectMsgAsync<ActorIdentity>();
    }
}
