using System.Reflection;

namespace AuthActors.Tests.Architecture;

/// <summary>The library's public types are what users need: hosting and options, the handler
/// and runtime, credentials and their sources, the scheme plug-in contract, the HOCON
/// configuration source. The protocol core and the HOCON syntax tree are internal.</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void PublicTypes_AreTheOnesListed()
    {
        string[] expected =
        [
            "Akka.Hosting.AuthActorsAkkaHostingExtensions",
            "AuthActors.Configuration.HoconConfigurationProvider",
            "AuthActors.Configuration.HoconConfigurationSource",
            "AuthActors.Configuration.HoconException",
            "AuthActors.Configuration.HoconParseException",
            "AuthActors.Configuration.HoconParseOptions",
            "AuthActors.Configuration.HoconStreamConfigurationProvider",
            "AuthActors.Configuration.HoconStreamConfigurationSource",
            "AuthActors.Credentials.ConfigurationCredentialSource",
            "AuthActors.Credentials.Credential",
            "AuthActors.Credentials.CredentialAnswer",
            "AuthActors.Credentials.CredentialAnswerKind",
            "AuthActors.Credentials.CredentialCacheSource",
            "AuthActors.Credentials.CredentialChain",
            "AuthActors.Credentials.CredentialEvent",
            "AuthActors.Credentials.CredentialEventKind",
            "AuthActors.Credentials.CredentialRequest",
            "AuthActors.Credentials.CredentialResolution",
            "AuthActors.Credentials.CredentialSourceException",
            "AuthActors.Credentials.EnvironmentCredentialSource",
            "AuthActors.Credentials.ICredentialSource",
            "AuthActors.Credentials.InMemoryCredentialSource",
            "AuthActors.Credentials.NetrcCredentialSource",
            "AuthActors.Credentials.NetrcFormatException",
            "AuthActors.Credentials.UrlUserInfoCredentialSource",
            "AuthActors.Diagnostics.AuthActorsCounter",
            "AuthActors.Diagnostics.AuthActorsDiagnostics",
            "AuthActors.Http.AuthActorsBearerOptions",
            "AuthActors.Http.AuthActorsClusterOptions",
            "AuthActors.Http.AuthActorsConfigurationBinder",
            "AuthActors.Http.AuthActorsCredentialsOptions",
            "AuthActors.Http.AuthActorsHandler",
            "AuthActors.Http.AuthActorsHandlerOptions",
            "AuthActors.Http.AuthActorsHealthCheck",
            "AuthActors.Http.AuthActorsOptions",
            "AuthActors.Http.AuthActorsPolicyOptions",
            "AuthActors.Http.AuthActorsProxyCredentials",
            "AuthActors.Http.AuthActorsSpacesOptions",
            "AuthActors.Http.AuthActorsSupervisionOptions",
            "AuthActors.Http.AuthFailureKind",
            "AuthActors.Protocol.AuthChallenge",
            "AuthActors.Protocol.ChallengePolicy",
            "AuthActors.Protocol.DigestAlgorithm",
            "AuthActors.Protocol.DigestQop",
            "AuthActors.Spaces.AuthActorsRuntime",
            "AuthActors.Spaces.AuthLease",
            "AuthActors.Spaces.AuthRequest",
            "AuthActors.Spaces.AuthSchemeRegistry",
            "AuthActors.Spaces.AuthSchemeState",
            "AuthActors.Spaces.ChallengeContext",
            "AuthActors.Spaces.ChallengeDecision",
            "AuthActors.Spaces.ChallengeDecisionKind",
            "AuthActors.Spaces.IAuthScheme",
            "AuthActors.Spaces.LeaseContext",
            "AuthActors.Spaces.LeaseDecision",
            "AuthActors.Spaces.LeaseDecisionKind",
            "AuthActors.Spaces.LeaseMode",
            "AuthActors.Spaces.LeaseOutcome",
            "AuthActors.Spaces.OriginKey",
            "AuthActors.Spaces.RetryReason",
            "AuthActors.Spaces.SchemeSelection",
            "AuthActors.Spaces.Schemes.BasicScheme",
            "AuthActors.Spaces.Schemes.BearerScheme",
            "AuthActors.Spaces.Schemes.BearerSchemeOptions",
            "AuthActors.Spaces.Schemes.DigestScheme",
            "AuthActors.Spaces.SpaceContext",
            "AuthActors.Spaces.SpaceKey",
            "AuthActors.Spaces.SpaceSettings",
            "AuthActors.Spaces.SpaceUnavailableException",
            "Microsoft.Extensions.Configuration.HoconConfigurationExtensions",
            "Microsoft.Extensions.DependencyInjection.AuthActorsBuilder",
            "Microsoft.Extensions.DependencyInjection.AuthActorsHealthChecksBuilderExtensions",
            "Microsoft.Extensions.DependencyInjection.AuthActorsHttpClientBuilderExtensions",
            "Microsoft.Extensions.DependencyInjection.AuthActorsServiceCollectionExtensions",
            "OpenTelemetry.Metrics.AuthActorsMeterProviderBuilderExtensions",
            "OpenTelemetry.Trace.AuthActorsTracerProviderBuilderExtensions",
        ];

        string[] actual = [.. typeof(AuthActors.Spaces.AuthActorsRuntime).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal)];

        Assert.Equal(expected, actual);
    }
}
