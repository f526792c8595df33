using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class CredentialChainTests
{
    private static readonly CredentialRequest s_request = Request("https://api.example.com", realm: "api");

    private static CredentialAnswer FoundFor(string user, string password = "pw") => CredentialAnswer.Found(new Credential(user, password));

    private static List<CredentialEvent> Record(CredentialChain chain)
    {
        var events = new List<CredentialEvent>();
        chain.EventRaised += (_, e) => events.Add(e);
        return events;
    }

    [Fact]
    public async Task ResolveAsync_FirstSourceFinds_LaterSourcesAreNotAsked()
    {
        var first = new CountingSource("first", FoundFor("alice"));
        var second = new CountingSource("second", FoundFor("bob"));
        var chain = new CredentialChain([first, second]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal("alice", resolution.Credential?.UserName);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task ResolveAsync_FirstDeclines_SecondAnswersAndIsStampedAsSource()
    {
        var first = new CountingSource("first", CredentialAnswer.Declined);
        var second = new CountingSource("second", FoundFor("bob"));
        var chain = new CredentialChain([first, second]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.True(resolution.IsFound);
        Assert.Equal("bob", resolution.Credential.UserName);
        Assert.Equal("second", resolution.Credential.Source);
        Assert.Null(resolution.Failure);
        Assert.Equal(1, first.Calls);
    }

    [Fact]
    public async Task ResolveAsync_Found_RaisesNoEvent()
    {
        var chain = new CredentialChain([new CountingSource("only", FoundFor("alice"))]);
        List<CredentialEvent> events = Record(chain);

        await chain.ResolveAsync(s_request);

        Assert.Empty(events);
    }

    [Fact]
    public async Task ResolveAsync_Deny_StopsTheChainAndReturnsNoCredential()
    {
        var before = new CountingSource("before", CredentialAnswer.Declined);
        var denier = new CountingSource("denier", CredentialAnswer.Deny("blocked by policy"));
        var after = new CountingSource("after", FoundFor("mallory"));
        var chain = new CredentialChain([before, denier, after]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Null(resolution.Credential);
        Assert.Equal(CredentialEventKind.Denied, resolution.Failure);
        Assert.Contains("'denier'", resolution.Reason, StringComparison.Ordinal);
        Assert.Contains("blocked by policy", resolution.Reason, StringComparison.Ordinal);
        Assert.Equal(1, before.Calls);
        Assert.Equal(0, after.Calls);
    }

    [Fact]
    public async Task ResolveAsync_Deny_RaisesDeniedThenLoginFailedChargedToTheDenier()
    {
        var chain = new CredentialChain([new CountingSource("denier", CredentialAnswer.Deny("blocked"))]);
        List<CredentialEvent> events = Record(chain);

        await chain.ResolveAsync(s_request);

        Assert.Equal([CredentialEventKind.Denied, CredentialEventKind.LoginFailed], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("denier", e.Source));
        Assert.All(events, e => Assert.Equal("api", e.Realm));
        Assert.All(events, e => Assert.Equal(new Uri("https://api.example.com"), e.Origin));
    }

    [Fact]
    public async Task ResolveAsync_EverySourceDeclines_NoCredentialsWithTheDeclineReasons()
    {
        var chain = new CredentialChain(
        [
            new CountingSource("quiet", CredentialAnswer.Declined),
            new CountingSource("talkative", CredentialAnswer.Decline("entry has a login but no password")),
        ]);
        List<CredentialEvent> events = Record(chain);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Null(resolution.Credential);
        Assert.Equal(CredentialEventKind.NoCredentials, resolution.Failure);
        Assert.Contains("talkative: entry has a login but no password", resolution.Reason, StringComparison.Ordinal);
        Assert.Contains("quiet", resolution.Reason, StringComparison.Ordinal);
        Assert.Equal([CredentialEventKind.NoCredentials, CredentialEventKind.LoginFailed], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task ResolveAsync_NoSources_NoCredentials()
    {
        var chain = new CredentialChain([]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal(CredentialEventKind.NoCredentials, resolution.Failure);
    }

    [Fact]
    public async Task ResolveAsync_SourceReturnsDefaultAnswer_IsTreatedAsADecline()
    {
        var second = new CountingSource("second", FoundFor("bob"));
        var chain = new CredentialChain([new CountingSource("lazy", default), second]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal("second", resolution.Credential?.Source);
    }

    [Fact]
    public async Task ResolveAsync_SourceThrows_RaisesSourceFailedAndAsksTheNextSource()
    {
        var chain = new CredentialChain(
        [
            new ThrowingSource("broken", () => new InvalidOperationException("vault unreachable")),
            new CountingSource("backup", FoundFor("alice")),
        ]);
        List<CredentialEvent> events = Record(chain);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal("backup", resolution.Credential?.Source);
        CredentialEvent failed = Assert.Single(events);
        Assert.Equal(CredentialEventKind.SourceFailed, failed.Kind);
        Assert.Equal("broken", failed.Source);
        Assert.Contains("InvalidOperationException", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_OnlySourceThrows_FailureIsSourceFailedNamingIt()
    {
        var chain = new CredentialChain([new ThrowingSource("broken", () => new IOException("disk"))]);
        List<CredentialEvent> events = Record(chain);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal(CredentialEventKind.SourceFailed, resolution.Failure);
        Assert.Contains("'broken'", resolution.Reason, StringComparison.Ordinal);
        Assert.Equal([CredentialEventKind.SourceFailed, CredentialEventKind.LoginFailed], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task ResolveAsync_UntrustedExceptionMessage_IsWithheld()
    {
        var chain = new CredentialChain([new ThrowingSource("broken", () => new InvalidOperationException("connection string Password=hunter2"))]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.DoesNotContain("hunter2", resolution.Reason, StringComparison.Ordinal);
        Assert.Contains("withheld", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_CredentialSourceException_MessageIsShown()
    {
        var chain = new CredentialChain([new ThrowingSource("store", () => new CredentialSourceException("store is locked"))]);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Contains("store is locked", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_CancelledBeforeStart_ThrowsAndAsksNobody()
    {
        var source = new CountingSource("only", FoundFor("alice"));
        var chain = new CredentialChain([source]);
        List<CredentialEvent> events = Record(chain);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chain.ResolveAsync(s_request, cancellation.Token).AsTask());

        Assert.Equal(0, source.Calls);
        Assert.Empty(events);
    }

    [Fact]
    public async Task ResolveAsync_SourceObservesCancellation_PropagatesWithoutSourceFailed()
    {
        using var cancellation = new CancellationTokenSource();
        var chain = new CredentialChain([new ThrowingSource("slow", () =>
        {
            cancellation.Cancel();
            return new OperationCanceledException(cancellation.Token);
        })]);
        List<CredentialEvent> events = Record(chain);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chain.ResolveAsync(s_request, cancellation.Token).AsTask());

        Assert.Empty(events);
    }

    [Fact]
    public async Task ResolveAsync_SourceThrowsCancellationOfItsOwn_IsASourceFailure()
    {
        // E.g. an HTTP timeout inside a vault client: the caller did not cancel.
        var chain = new CredentialChain([new ThrowingSource("vault", () => new TaskCanceledException("timed out")), new CountingSource("backup", FoundFor("alice"))]);
        List<CredentialEvent> events = Record(chain);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal("backup", resolution.Credential?.Source);
        Assert.Equal(CredentialEventKind.SourceFailed, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task ReportRejected_CredentialFromASource_ChargesThatSource()
    {
        var chain = new CredentialChain([new CountingSource("first", CredentialAnswer.Declined), new CountingSource("netrc", FoundFor("alice"))]);
        CredentialResolution resolution = await chain.ResolveAsync(s_request);
        List<CredentialEvent> events = Record(chain);

        chain.ReportRejected(s_request, resolution.Credential!);

        Assert.Equal([CredentialEventKind.Rejected, CredentialEventKind.LoginFailed], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("netrc", e.Source));
        Assert.All(events, e => Assert.Equal("alice", e.UserName));
        Assert.Contains("401", events[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportRejected_ProxyRequest_SaysProxyAnd407()
    {
        var chain = new CredentialChain([]);
        List<CredentialEvent> events = Record(chain);

        chain.ReportRejected(Request("http://proxy.local:3128", isProxy: true), new Credential("alice", "pw").WithSource("environment"));

        Assert.True(events[0].IsProxy);
        Assert.Contains("407", events[0].Reason, StringComparison.Ordinal);
        Assert.Contains("proxy", events[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportChanged_RaisesChangedChargedToTheSource()
    {
        var chain = new CredentialChain([]);
        List<CredentialEvent> events = Record(chain);

        chain.ReportChanged(s_request, new Credential("alice", "new").WithSource("memory"));

        CredentialEvent changed = Assert.Single(events);
        Assert.Equal(CredentialEventKind.Changed, changed.Kind);
        Assert.Equal("memory", changed.Source);
    }

    [Fact]
    public async Task EventRaised_HandlerThrows_OtherHandlersRunAndResolutionCompletes()
    {
        var logger = new ListLogger<CredentialChain>();
        var chain = new CredentialChain([new CountingSource("denier", CredentialAnswer.Deny("no"))], logger);
        chain.EventRaised += (_, _) => throw new InvalidOperationException("observer bug");
        List<CredentialEvent> events = Record(chain);

        CredentialResolution resolution = await chain.ResolveAsync(s_request);

        Assert.Equal(CredentialEventKind.Denied, resolution.Failure);
        Assert.Equal(2, events.Count);
        Assert.Contains(logger.Records, r => r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task ResolveAsync_SourceAnswers_LogsItsNameAtDebug()
    {
        var logger = new ListLogger<CredentialChain>();
        var chain = new CredentialChain([new CountingSource("netrc", FoundFor("alice"))], logger);

        await chain.ResolveAsync(s_request);

        LogRecord record = Assert.Single(logger.Records);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, record.Level);
        Assert.Contains("netrc", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_SourceFails_LogsAWarningWithTypeAndSourceName()
    {
        var logger = new ListLogger<CredentialChain>();
        var chain = new CredentialChain([new ThrowingSource("vault", () => new TimeoutException("slow"))], logger);

        await chain.ResolveAsync(s_request);

        Assert.Contains(logger.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && r.Message.Contains("vault", StringComparison.Ordinal)
            && r.Message.Contains(nameof(TimeoutException), StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NullSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CredentialChain([new CountingSource("a", default), null!]));
    }

    [Fact]
    public void Sources_AreKeptInOrder()
    {
        var a = new CountingSource("a", default);
        var b = new CountingSource("b", default);

        var chain = new CredentialChain([a, b]);

        Assert.Equal(new ICredentialSource[] { a, b }, chain.Sources);
    }
}
