using AuthActors.Credentials;
using static AuthActors.Tests.Credentials.CredentialTestSupport;

namespace AuthActors.Tests.Credentials;

public sealed class EnvironmentCredentialSourceTests
{
    private static EnvironmentCredentialSource Source(Dictionary<string, string> variables, string prefix = "AUTHACTORS_") =>
        new(prefix, name => variables.GetValueOrDefault(name));

    [Fact]
    public void GetVariableStems_HostAndPort_FollowTheNamingScheme()
    {
        IReadOnlyList<string> stems = Source([]).GetVariableStems(Request("https://api.example.com:8443"));

        Assert.Equal(["AUTHACTORS_CRED_API_EXAMPLE_COM_8443", "AUTHACTORS_CRED_API_EXAMPLE_COM", "AUTHACTORS_CRED_DEFAULT"], stems);
    }

    [Fact]
    public void GetVariableStems_DefaultPort_IsWrittenToo()
    {
        IReadOnlyList<string> stems = Source([]).GetVariableStems(Request("https://api.example.com"));

        Assert.Equal("AUTHACTORS_CRED_API_EXAMPLE_COM_443", stems[0]);
    }

    [Fact]
    public void GetVariableStems_HyphensAndIPv6_BecomeUnderscores()
    {
        Assert.Equal("AUTHACTORS_CRED_MY_HOST_LOCAL_80", Source([]).GetVariableStems(Request("http://my-host.local"))[0]);
        Assert.Equal("AUTHACTORS_CRED___1_8080", Source([]).GetVariableStems(Request("http://[::1]:8080"))[0]);
    }

    [Fact]
    public async Task GetAsync_PortSpecificAndHostOnly_PortSpecificWins()
    {
        var source = Source(new()
        {
            ["AUTHACTORS_CRED_API_EXAMPLE_COM_USER"] = "host-user",
            ["AUTHACTORS_CRED_API_EXAMPLE_COM_PASSWORD"] = "host-pw",
            ["AUTHACTORS_CRED_API_EXAMPLE_COM_8443_USER"] = "port-user",
            ["AUTHACTORS_CRED_API_EXAMPLE_COM_8443_PASSWORD"] = "port-pw",
        });

        CredentialAnswer onPort = await source.GetAsync(Request("https://api.example.com:8443"), CancellationToken.None);
        CredentialAnswer otherPort = await source.GetAsync(Request("https://api.example.com:9000"), CancellationToken.None);

        Assert.Equal("port-user", onPort.Credential?.UserName);
        Assert.Equal("port-pw", onPort.Credential?.Password);
        Assert.Equal("host-user", otherPort.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_OnlyDefault_AnswersAnyOrigin()
    {
        var source = Source(new() { ["AUTHACTORS_CRED_DEFAULT_USER"] = "anyone", ["AUTHACTORS_CRED_DEFAULT_PASSWORD"] = "pw" });

        CredentialAnswer answer = await source.GetAsync(Request("https://whatever.example"), CancellationToken.None);

        Assert.Equal("anyone", answer.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_ProxyRequest_ReadsOnlyProxyVariables()
    {
        var source = Source(new()
        {
            ["AUTHACTORS_CRED_PROXY_LOCAL_USER"] = "origin-user",
            ["AUTHACTORS_CRED_PROXY_LOCAL_PASSWORD"] = "origin-pw",
            ["AUTHACTORS_PROXY_CRED_PROXY_LOCAL_3128_USER"] = "proxy-user",
            ["AUTHACTORS_PROXY_CRED_PROXY_LOCAL_3128_PASSWORD"] = "proxy-pw",
        });

        CredentialAnswer proxy = await source.GetAsync(Request("http://proxy.local:3128", isProxy: true), CancellationToken.None);
        CredentialAnswer origin = await source.GetAsync(Request("http://proxy.local:3128"), CancellationToken.None);

        Assert.Equal("proxy-user", proxy.Credential?.UserName);
        Assert.Equal("origin-user", origin.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_ProxyRequestWithOnlyOriginDefault_Declines()
    {
        var source = Source(new() { ["AUTHACTORS_CRED_DEFAULT_USER"] = "anyone", ["AUTHACTORS_CRED_DEFAULT_PASSWORD"] = "pw" });

        CredentialAnswer answer = await source.GetAsync(Request("http://proxy.local:3128", isProxy: true), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public async Task GetAsync_ProxyDefault_AnswersAnyProxy()
    {
        var source = Source(new() { ["AUTHACTORS_PROXY_CRED_DEFAULT_USER"] = "p", ["AUTHACTORS_PROXY_CRED_DEFAULT_PASSWORD"] = "pw" });

        CredentialAnswer answer = await source.GetAsync(Request("http://proxy.local:3128", isProxy: true), CancellationToken.None);

        Assert.Equal("p", answer.Credential?.UserName);
    }

    [Fact]
    public async Task GetAsync_UserWithoutPassword_DeclinesNamingTheMissingVariable()
    {
        var source = Source(new()
        {
            ["AUTHACTORS_CRED_H_443_USER"] = "alice",
            ["AUTHACTORS_CRED_H_PASSWORD"] = "not-used",
            ["AUTHACTORS_CRED_H_USER"] = "not-used",
        });

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Contains("AUTHACTORS_CRED_H_443_PASSWORD", answer.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_PasswordWithoutUser_DeclinesWithoutShowingThePassword()
    {
        var source = Source(new() { ["AUTHACTORS_CRED_H_PASSWORD"] = "secret-value" });

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Contains("AUTHACTORS_CRED_H_USER", answer.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EmptyPassword_IsAllowed()
    {
        var source = Source(new() { ["AUTHACTORS_CRED_H_USER"] = "alice", ["AUTHACTORS_CRED_H_PASSWORD"] = "" });

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal("", answer.Credential?.Password);
    }

    [Fact]
    public async Task GetAsync_CustomPrefix_IsUsed()
    {
        var source = Source(new() { ["MYAPP_CRED_H_USER"] = "alice", ["MYAPP_CRED_H_PASSWORD"] = "pw", ["AUTHACTORS_CRED_H_USER"] = "wrong" }, prefix: "MYAPP_");

        CredentialAnswer answer = await source.GetAsync(Request("https://h"), CancellationToken.None);

        Assert.Equal("alice", answer.Credential?.UserName);
    }
}
