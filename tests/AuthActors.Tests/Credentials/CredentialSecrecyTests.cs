using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

/// <summary>
/// Secrets never reach events, logs or ToString: the password itself, its Basic encoding, and
/// its Digest HA1 (RFC 7616 section 3.4.2, MD5(user:realm:password)) must appear nowhere.
/// </summary>
public sealed class CredentialSecrecyTests
{
    private const string User = "alice";
    private const string Password = "S3cr3t-Pa55!word";
    private const string Realm = "testrealm@host.com";

    private static readonly CredentialRequest s_request = new(new Uri("https://api.example.com"), Realm, "Digest", IsProxy: false);

    private static string[] ForbiddenStrings()
    {
#pragma warning disable CA5351 // Digest's MD5 HA1 is exactly the secret we look for; nothing is protected with it here.
        string ha1 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{User}:{Realm}:{Password}")));
#pragma warning restore CA5351
        return
        [
            Password,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")),
            ha1,
            ha1.ToUpperInvariant(),
        ];
    }

    private static void AssertClean(string text)
    {
        foreach (string secret in ForbiddenStrings())
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Drives the chain through every failure event, with a source whose exception quotes the password.</summary>
    private static async Task<(List<CredentialEvent> Events, ListLogger<CredentialChain> Logger)> RunEveryEventAsync()
    {
        var logger = new ListLogger<CredentialChain>();
        var events = new List<CredentialEvent>();
        var leaky = new ThrowingSource("leaky", () => new InvalidOperationException($"vault rejected password {Password} for {User}"));
        var memory = new InMemoryCredentialSource().Add(s_request.Origin, User, Password);

        var found = new CredentialChain([leaky, memory], logger);
        found.EventRaised += (_, e) => events.Add(e);
        CredentialResolution resolution = await found.ResolveAsync(s_request);
        found.ReportRejected(s_request, resolution.Credential!);
        found.ReportChanged(s_request, resolution.Credential!);

        var denied = new CredentialChain([leaky, new InMemoryCredentialSource().Deny(s_request.Origin, "blocked"), memory], logger);
        denied.EventRaised += (_, e) => events.Add(e);
        await denied.ResolveAsync(s_request);

        var none = new CredentialChain([new CountingSource("empty", CredentialAnswer.Declined)], logger);
        none.EventRaised += (_, e) => events.Add(e);
        await none.ResolveAsync(s_request);

        var failed = new CredentialChain([leaky], logger);
        failed.EventRaised += (_, e) => events.Add(e);
        await failed.ResolveAsync(s_request);

        return (events, logger);
    }

    [Fact]
    public async Task Events_EveryKind_CoveredByTheScenario()
    {
        (List<CredentialEvent> events, _) = await RunEveryEventAsync();

        Assert.Equal(Enum.GetValues<CredentialEventKind>().Order(), events.Select(e => e.Kind).Distinct().Order());
    }

    [Fact]
    public async Task Events_SerializedAsJson_ContainNoSecret()
    {
        (List<CredentialEvent> events, _) = await RunEveryEventAsync();

        Assert.NotEmpty(events);
        foreach (CredentialEvent e in events)
        {
            AssertClean(JsonSerializer.Serialize(e));
            AssertClean(e.ToString());
        }
    }

    [Fact]
    public async Task Logs_AtEveryLevel_ContainNoSecret()
    {
        (_, ListLogger<CredentialChain> logger) = await RunEveryEventAsync();

        Assert.NotEmpty(logger.Records);
        foreach (LogRecord record in logger.Records)
        {
            AssertClean(record.AllText());
        }
    }

    [Fact]
    public void CredentialEvent_JsonProperties_AreExactlyTheDeclaredFields()
    {
        var e = new CredentialEvent(CredentialEventKind.Rejected, new Uri("https://h"), "r", "Digest", false, "memory", "alice", "why");

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(e));

        Assert.Equal(
            new[] { "IsProxy", "Kind", "Origin", "Realm", "Reason", "Scheme", "Source", "UserName" },
            json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CredentialEvent_OriginWithUserInfo_IsReducedToTheOrigin()
    {
        var e = new CredentialEvent(CredentialEventKind.Rejected, new Uri($"https://{User}:{Password}@h:8443/path"), null, "Basic", false, null, null, "why");

        Assert.Equal(new Uri("https://h:8443"), e.Origin);
        AssertClean(JsonSerializer.Serialize(e));
    }

    [Fact]
    public void CredentialRequest_UrisWithUserInfo_AreStripped()
    {
        var request = new CredentialRequest(new Uri($"https://{User}:{Password}@h/"), Realm, "Basic", false, new Uri($"https://{User}:{Password}@h/x?q=1"));

        Assert.Equal(new Uri("https://h/x?q=1"), request.RequestUri);
        AssertClean(request.ToString());
    }

    [Fact]
    public void ToString_OfSecretBearingTypes_ShowsNoPassword()
    {
        var credential = new Credential(User, Password, "acct").WithSource("memory");
        NetrcEntry entry = NetrcCredentialSource.Parse($"machine h login {User} password {Password} account {Password}", "n").Entries[0];

        AssertClean(credential.ToString());
        AssertClean(CredentialAnswer.Found(credential).ToString());
        AssertClean(new CredentialResolution(credential, null, null).ToString());
        AssertClean(entry.ToString());
        Assert.Equal("Credential(user=alice, source=memory)", credential.ToString());
    }

    [Fact]
    public void NetrcFormatException_InAPasswordToken_DoesNotQuoteIt()
    {
        var error = Assert.Throws<NetrcFormatException>(() => NetrcCredentialSource.Parse($"machine h login {User} password \"{Password}", "netrc"));

        AssertClean(error.Message);
        AssertClean(error.ToString());
    }

    [Fact]
    public async Task CredentialCacheSource_Answers_ShowNoPassword()
    {
        var source = new CredentialCacheSource(new NetworkCredential(User, Password));

        CredentialAnswer answer = await source.GetAsync(s_request, CancellationToken.None);

        AssertClean(answer.ToString());
    }
}
