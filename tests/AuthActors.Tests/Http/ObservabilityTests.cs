using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AuthActors.Tests.Http;

/// <summary>What operators see: OpenTelemetry metrics with units and server tags through one
/// helper, and a health check that names the spaces whose credential was refused.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task AddAuthActorsInstrumentation_ExportsTheMetrics_WithUnits()
    {
        var exported = new List<Metric>();
        using MeterProvider meters = Sdk.CreateMeterProviderBuilder().AddAuthActorsInstrumentation().AddInMemoryExporter(exported).Build();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        await using var runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using (HttpResponseMessage ok = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        meters.ForceFlush();

        Assert.Contains(exported, m => m.Name == "authactors.challenges" && m.Unit == "{challenge}");
        Assert.Contains(exported, m => m.Name == "authactors.lease.duration" && m.Unit == "s" && m.MetricType == MetricType.Histogram);
        Assert.Contains(exported, m => m.Name == "authactors.live_spaces" && m.Unit == "{space}");
    }

    [Fact]
    public async Task WrongPassword_EveryUnansweredRequest_HasAKindForCode_AndIsCounted_NotAWarningEach()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        var logs = new AuthActors.Tests.Support.CollectingLoggerFactory();
        await using var runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "wrong")]), loggerFactory: logs);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        var kinds = new List<AuthFailureKind>();

        for (int i = 0; i < 20; i++)
        {
            using HttpResponseMessage refused = await client.GetAsync(new Uri(server.BaseAddress, $"/x{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.True(refused.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureKindKey, out AuthFailureKind kind));
            kinds.Add(kind);
        }

        Assert.All(kinds, k => Assert.Equal(AuthFailureKind.CredentialRefused, k));
        Assert.Equal(20, runtime.Diagnostics.Unanswered.Total);
        Assert.True(logs.Messages.Count(m => m.StartsWith("Warning", StringComparison.Ordinal)) <= 2, string.Join("\n", logs.Messages));
        Assert.Equal(20, logs.Messages.Count(m => m.Contains("not retried after a challenge (CredentialRefused)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HealthCheck_IsDegradedWhileACredentialIsRefused_AndHealthyOnceItWorks()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        var memory = new InMemoryCredentialSource().SetDefault("user", "wrong-password");
        await using var runtime = new AuthActorsRuntime(new CredentialChain([memory]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        var check = new AuthActorsHealthCheck(runtime);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("authactors", check, HealthStatus.Unhealthy, null) };

        using (HttpResponseMessage refused = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        HealthCheckResult degraded = await check.CheckHealthAsync(context);
        memory.SetDefault("user", "passwd");
        await runtime.InvalidateCredentialsAsync();
        using (HttpResponseMessage ok = await client.GetAsync(new Uri(server.BaseAddress, "/y")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        HealthCheckResult healthy = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        string space = Assert.Single(degraded.Data.Keys);
        Assert.Contains(server.BaseAddress.Authority, space, StringComparison.Ordinal);
        Assert.Contains("refused", (string)degraded.Data[space], StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", degraded.Description + string.Join(",", degraded.Data.Values), StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
    }
}
