using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Credentials;

/// <summary>
/// Credentials from environment variables (name <c>"environment"</c>).
/// </summary>
/// <remarks>
/// <para>Naming scheme, with the default prefix <c>AUTHACTORS_</c>:</para>
/// <list type="bullet">
/// <item><c>AUTHACTORS_CRED_&lt;HOST&gt;_&lt;PORT&gt;_USER</c> and <c>..._PASSWORD</c>: for one host and port;</item>
/// <item><c>AUTHACTORS_CRED_&lt;HOST&gt;_USER</c> and <c>..._PASSWORD</c>: for the host on any port;</item>
/// <item><c>AUTHACTORS_CRED_DEFAULT_USER</c> and <c>..._PASSWORD</c>: for any origin (use with care);</item>
/// <item>the same with <c>AUTHACTORS_PROXY_CRED_</c> for proxies (407), including
/// <c>AUTHACTORS_PROXY_CRED_DEFAULT_</c>. Proxy requests never read the <c>CRED_</c> variables, nor
/// origin requests the <c>PROXY_CRED_</c> ones.</item>
/// </list>
/// <para>
/// <c>&lt;HOST&gt;</c> is the host (IDNA form, IPv6 without brackets) upper-cased, with every
/// character other than <c>A-Z</c> and <c>0-9</c> replaced by <c>_</c>; <c>&lt;PORT&gt;</c> is the
/// origin's port, written even when it is the scheme's default. So
/// <c>https://api.example.com:8443</c> reads <c>AUTHACTORS_CRED_API_EXAMPLE_COM_8443_USER</c>, then
/// <c>AUTHACTORS_CRED_API_EXAMPLE_COM_USER</c>, then <c>AUTHACTORS_CRED_DEFAULT_USER</c>.
/// </para>
/// <para>
/// The first level where <c>_USER</c> or <c>_PASSWORD</c> is set decides: both set answers Found
/// (an empty password is allowed), only one set declines with a reason naming the missing
/// variable. Variables are read on every lookup; there is no change notification (call
/// <see cref="CredentialChain.Invalidate"/> after changing them).
/// </para>
/// </remarks>
public sealed class EnvironmentCredentialSource : ICredentialSource
{
    /// <summary>The <see cref="Name"/> of every environment source.</summary>
    public const string SourceName = "environment";

    /// <summary>The default variable prefix, <c>AUTHACTORS_</c>.</summary>
    public const string DefaultPrefix = "AUTHACTORS_";

    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates the source.</summary>
    /// <param name="prefix">The prefix of every variable. Default <c>AUTHACTORS_</c>.</param>
    /// <param name="getVariable">Reads a variable. Default <see cref="Environment.GetEnvironmentVariable(string)"/>; tests inject a dictionary.</param>
    public EnvironmentCredentialSource(string prefix = DefaultPrefix, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Prefix = prefix;
        _getVariable = getVariable ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <summary>The variable prefix.</summary>
    public string Prefix { get; }

    /// <summary>
    /// The variable stems consulted for <paramref name="request"/>, most specific first; append
    /// <c>_USER</c> or <c>_PASSWORD</c> for the variable names.
    /// </summary>
    public IReadOnlyList<string> GetVariableStems(CredentialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string stem = Prefix + (request.IsProxy ? "PROXY_CRED_" : "CRED_");
        string host = MangleHost(OriginText.BareHost(request.Origin));
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"{stem}{host}_{request.Origin.Port}"),
            stem + host,
            stem + "DEFAULT",
        ];
    }

    /// <inheritdoc/>
    public ValueTask<CredentialAnswer> GetAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (string stem in GetVariableStems(request))
        {
            string? userName = _getVariable(stem + "_USER");
            string? password = _getVariable(stem + "_PASSWORD");
            if (userName is null && password is null)
            {
                continue;
            }

            if (userName is null)
            {
                return ValueTask.FromResult(CredentialAnswer.Decline($"{stem}_PASSWORD is set but {stem}_USER is not"));
            }

            if (password is null)
            {
                return ValueTask.FromResult(CredentialAnswer.Decline($"{stem}_USER is set but {stem}_PASSWORD is not"));
            }

            return ValueTask.FromResult(CredentialAnswer.Found(new Credential(userName, password)));
        }

        return ValueTask.FromResult(CredentialAnswer.Declined);
    }

    /// <summary>Always <see langword="null"/>: the environment raises no change notification.</summary>
    public IChangeToken? GetChangeToken() => null;

    /// <summary>Upper-cases <paramref name="host"/> and replaces every character other than A-Z and 0-9 with '_'.</summary>
    internal static string MangleHost(string host) =>
        string.Create(host.Length, host, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = char.ToUpperInvariant(source[i]);
                span[i] = c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_';
            }
        });
}
