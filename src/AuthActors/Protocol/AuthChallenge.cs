using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// One challenge from a WWW-Authenticate or Proxy-Authenticate field (RFC 7235 §2.1):
/// an auth-scheme followed by either a token68 or a list of auth-params. Immutable.
/// </summary>
public sealed class AuthChallenge
{
    private readonly KeyValuePair<string, string>[] _parameters;

    /// <summary>Read-only view handed out, so a caller cannot cast back to the array and change it.</summary>
    private ReadOnlyCollection<KeyValuePair<string, string>>? _readOnlyParameters;

    /// <summary>Creates a challenge.</summary>
    /// <param name="scheme">The auth-scheme; must be a token.</param>
    /// <param name="parameters">The auth-params in order; names must be tokens and occur once (case-insensitively). Copied.</param>
    /// <param name="token68">The token68 body, or <see langword="null"/>; a challenge has either a token68 or parameters, not both.</param>
    /// <exception cref="ArgumentException">A name is not a token, a name repeats, a value has a control character, the token68 is malformed, or both a token68 and parameters were given.</exception>
    public AuthChallenge(string scheme, IReadOnlyList<KeyValuePair<string, string>> parameters, string? token68 = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!HttpSyntax.IsToken(scheme))
        {
            throw new ArgumentException($"The auth-scheme '{scheme}' is not a token (RFC 7235 §2.1).", nameof(scheme));
        }

        if (token68 is not null && !HttpSyntax.IsToken68(token68))
        {
            throw new ArgumentException("The token68 contains characters outside the token68 syntax (RFC 7235 §2.1).", nameof(token68));
        }

        if (token68 is not null && parameters.Count > 0)
        {
            throw new ArgumentException("A challenge carries either a token68 or auth-params, not both (RFC 7235 §2.1).", nameof(parameters));
        }

        var copy = new KeyValuePair<string, string>[parameters.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            KeyValuePair<string, string> p = parameters[i];
            if (p.Key is null || !HttpSyntax.IsToken(p.Key))
            {
                throw new ArgumentException($"Parameter #{i + 1} has a name that is not a token (RFC 7235 §2.1).", nameof(parameters));
            }

            ArgumentNullException.ThrowIfNull(p.Value, nameof(parameters));
            foreach (char c in p.Value)
            {
                if (!HttpSyntax.IsQuotable(c))
                {
                    throw new ArgumentException($"The value of parameter '{p.Key}' contains a control character, which no quoted-string can carry (RFC 9110 §5.6.4).", nameof(parameters));
                }
            }

            for (int j = 0; j < i; j++)
            {
                if (string.Equals(copy[j].Key, p.Key, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"The parameter '{p.Key}' occurs twice; each name must occur once per challenge (RFC 7235 §2.1).", nameof(parameters));
                }
            }

            copy[i] = p;
        }

        Scheme = scheme;
        Token68 = token68;
        _parameters = copy;
    }

    private AuthChallenge(string scheme, string? token68, KeyValuePair<string, string>[] parameters)
    {
        Scheme = scheme;
        Token68 = token68;
        _parameters = parameters;
    }

    /// <summary>Used by the parser, which has already validated everything and hands over the array.</summary>
    internal static AuthChallenge FromParser(string scheme, KeyValuePair<string, string>[] parameters, string? token68) =>
        new(scheme, token68, parameters);

    /// <summary>The auth-scheme as the server spelled it.</summary>
    public string Scheme { get; }

    /// <summary>The token68 body, or <see langword="null"/> when the challenge has parameters (or nothing).</summary>
    public string? Token68 { get; }

    /// <summary>The auth-params in the order sent, names as sent, values unquoted and unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _readOnlyParameters ??= Array.AsReadOnly(_parameters);

    /// <summary>Looks a parameter up by name, ignoring case (RFC 7235 §2.1: names are case-insensitive).</summary>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (KeyValuePair<string, string> p in _parameters)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The value of the named parameter (case-insensitive), or <see langword="null"/>.</summary>
    public string? GetParameter(string name) => TryGetParameter(name, out string? value) ? value : null;

    /// <summary>Whether this challenge uses <paramref name="scheme"/>, ignoring case (RFC 7235 §2.1).</summary>
    public bool IsScheme(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Formats the challenge back to header syntax: values that are tokens stay bare, the rest become
    /// quoted-strings with '"' and '\' escaped. Parsing the result gives this challenge back.
    /// </summary>
    public override string ToString()
    {
        if (Token68 is not null)
        {
            return Scheme + " " + Token68;
        }

        if (_parameters.Length == 0)
        {
            return Scheme;
        }

        var builder = new StringBuilder(Scheme.Length + (_parameters.Length * 24));
        builder.Append(Scheme).Append(' ');
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(_parameters[i].Key).Append('=');
            HttpSyntax.AppendTokenOrQuoted(builder, _parameters[i].Value);
        }

        return builder.ToString();
    }
}
