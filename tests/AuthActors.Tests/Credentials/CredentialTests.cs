using AuthActors.Credentials;

namespace AuthActors.Tests.Credentials;

public sealed class CredentialTests
{
    [Fact]
    public void Equals_SameUserAndPassword_IsTrueWhateverTheSource()
    {
        var a = new Credential("alice", "pässword");
        Credential b = new Credential("alice", "pässword").WithSource("netrc");

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("alice", "other")]
    [InlineData("alice", "pw ")]
    [InlineData("Alice", "pw")]
    [InlineData("bob", "pw")]
    public void Equals_DifferentUserOrPassword_IsFalse(string user, string password)
    {
        Assert.False(new Credential("alice", "pw").Equals(new Credential(user, password)));
    }

    [Fact]
    public void Equals_DifferentAccount_IsFalse()
    {
        Assert.NotEqual(new Credential("alice", "pw", "a"), new Credential("alice", "pw", "b"));
    }

    [Fact]
    public void Equals_LongPasswords_AreComparedCompletely()
    {
        string longPassword = new('x', 5000);

        Assert.Equal(new Credential("alice", longPassword), new Credential("alice", longPassword));
        Assert.NotEqual(new Credential("alice", longPassword), new Credential("alice", longPassword[..^1] + "y"));
    }

    [Fact]
    public void GetHashCode_DependsOnTheUserNameOnly()
    {
        Assert.Equal(new Credential("alice", "one").GetHashCode(), new Credential("alice", "two").GetHashCode());
    }

    [Fact]
    public void ToString_ShowsUserAndSourceOnly()
    {
        Assert.Equal("Credential(user=alice, source=netrc)", new Credential("alice", "pw").WithSource("netrc").ToString());
        Assert.Equal("Credential(user=alice, source=(none))", new Credential("alice", "pw").ToString());
    }

    [Fact]
    public void WithSource_KeepsTheValues()
    {
        Credential stamped = new Credential("alice", "pw", "acct").WithSource("memory");

        Assert.Equal(("alice", "pw", "acct", "memory"), (stamped.UserName, stamped.Password, stamped.Account, stamped.Source));
    }

    [Fact]
    public void Constructor_NullPassword_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Credential("alice", null!));
    }

    [Fact]
    public void CredentialAnswer_Default_IsDeclined()
    {
        CredentialAnswer answer = default;

        Assert.Equal(CredentialAnswerKind.Declined, answer.Kind);
        Assert.Equal(CredentialAnswer.Declined, answer);
    }

    [Fact]
    public void CredentialAnswer_ToString_ShowsKindAndReason()
    {
        Assert.Equal("Denied(policy)", CredentialAnswer.Deny("policy").ToString());
        Assert.Equal("Declined", CredentialAnswer.Declined.ToString());
        Assert.Equal("Found(Credential(user=alice, source=(none)))", CredentialAnswer.Found(new Credential("alice", "pw")).ToString());
    }

    [Fact]
    public void CredentialRequest_Origin_IsReducedToSchemeHostPort()
    {
        var request = new CredentialRequest(new Uri("https://Example.com:8443/path?q#f"), "r", "Digest", false);

        Assert.Equal(new Uri("https://example.com:8443"), request.Origin);
    }

    [Fact]
    public void CredentialRequest_RelativeOrigin_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CredentialRequest(new Uri("/x", UriKind.Relative), null, "Basic", false));
    }
}
