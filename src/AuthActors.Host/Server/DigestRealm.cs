using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using AuthActors.Protocol;

namespace AuthActors.Host.Server;

/// <summary>
/// One Digest realm of the server: its name, its fixed opaque, the challenge text around the
/// nonce (built once), and its users with their HA1 and userhash per hash function.
/// Immutable after construction, so requests read it without locks.
/// </summary>
internal sealed class DigestRealm
{
    private const int HashCount = 3;

    private readonly DigestAlgorithm[] _algorithms;
    private readonly string[] _challengePrefixes;
    private readonly string _challengeSuffix;
    private readonly string _staleChallengeSuffix;
    private readonly Dictionary<string, RealmUser> _usersByName;

    // Per hash function: userhash (lower-case hex) -> user; null when userhash is off or the
    // hash is not offered.
    private readonly Dictionary<string, RealmUser>?[] _usersByHash = new Dictionary<string, RealmUser>?[HashCount];

    public DigestRealm(int index, string name, bool isProxy, DigestAlgorithm[] algorithms, DigestServerOptions options)
    {
        Index = index;
        Name = name;
        IsProxy = isProxy;
        _algorithms = algorithms;

        // The opaque is fixed for the realm and life of the server; clients echo it (RFC 7616 §3.3).
        Opaque = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        string realm = "Digest realm=" + HeaderText.Quote(name);
        string qop = options.Qop switch
        {
            DigestQop.None => "",
            DigestQop.Auth => ", qop=\"auth\"",
            DigestQop.AuthInt => ", qop=\"auth-int\"",
            _ => ", qop=\"auth, auth-int\"",
        };
        _challengePrefixes = new string[algorithms.Length];
        for (int i = 0; i < algorithms.Length; i++)
        {
            _challengePrefixes[i] = string.Concat(realm, qop, ", algorithm=", DigestAlgorithms.ToToken(algorithms[i]), ", nonce=\"");
        }

        _challengeSuffix = string.Concat(
            "\", opaque=\"", Opaque, "\"", options.Utf8 ? ", charset=UTF-8" : "", options.UserHash ? ", userhash=true" : "");
        _staleChallengeSuffix = _challengeSuffix + ", stale=true";

        bool[] offered = new bool[HashCount];
        foreach (DigestAlgorithm algorithm in algorithms)
        {
            offered[HashIndex(algorithm)] = true;
        }

        _usersByName = new Dictionary<string, RealmUser>(options.Users.Count, StringComparer.Ordinal);
        for (int h = 0; h < HashCount; h++)
        {
            if (offered[h] && options.UserHash)
            {
                _usersByHash[h] = new Dictionary<string, RealmUser>(options.Users.Count, StringComparer.OrdinalIgnoreCase);
            }
        }

        foreach ((string userName, string password) in options.Users)
        {
            string?[] ha1 = new string?[HashCount];
            for (int h = 0; h < HashCount; h++)
            {
                if (offered[h])
                {
                    ha1[h] = DigestCalculator.ComputeHa1(HashAlgorithm(h), userName, name, password);
                }
            }

            var user = new RealmUser(userName, ha1);
            _usersByName[userName] = user;
            for (int h = 0; h < HashCount; h++)
            {
                if (_usersByHash[h] is { } byHash)
                {
                    byHash[DigestCalculator.ComputeUserHash(HashAlgorithm(h), userName, name)] = user;
                }
            }
        }
    }

    /// <summary>Index in the server's realm table.</summary>
    public int Index { get; }

    /// <summary>The realm value, as in challenges.</summary>
    public string Name { get; }

    /// <summary>The opaque every challenge of this realm carries.</summary>
    public string Opaque { get; }

    /// <summary>Whether this is the proxy realm (407, Proxy-Authenticate, Proxy-Authorization).</summary>
    public bool IsProxy { get; }

    /// <summary>Which of the three hash functions an algorithm uses: 0 MD5, 1 SHA-256, 2 SHA-512/256.</summary>
    public static int HashIndex(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => 0,
        DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess => 1,
        _ => 2,
    };

    /// <summary>Whether the realm offers <paramref name="algorithm"/>.</summary>
    public bool Offers(DigestAlgorithm algorithm) => Array.IndexOf(_algorithms, algorithm) >= 0;

    /// <summary>One challenge per offered algorithm, strongest first, all with the same nonce.</summary>
    public string[] CreateChallenges(string nonce, bool stale)
    {
        string suffix = stale ? _staleChallengeSuffix : _challengeSuffix;
        string[] challenges = new string[_challengePrefixes.Length];
        for (int i = 0; i < challenges.Length; i++)
        {
            challenges[i] = string.Concat(_challengePrefixes[i], nonce, suffix);
        }

        return challenges;
    }

    /// <summary>
    /// Finds the user the credentials name: by userhash when they say <c>userhash=true</c> and
    /// the realm offers it (RFC 7616 §3.4.4), else by name (the parser has already decoded
    /// <c>username*</c>, RFC 7616 §3.4.5). Gives the HA1 for the credentials' hash function.
    /// </summary>
    public bool TryFindUser(DigestCredentials credentials, DigestAlgorithm algorithm, [NotNullWhen(true)] out RealmUser? user, [NotNullWhen(true)] out string? ha1)
    {
        int hash = HashIndex(algorithm);
        ha1 = null;
        if (credentials.UserHash)
        {
            user = null;
            if (_usersByHash[hash] is not { } byHash || !byHash.TryGetValue(credentials.UserName, out user))
            {
                return false;
            }
        }
        else if (!_usersByName.TryGetValue(credentials.UserName, out user))
        {
            return false;
        }

        ha1 = user.Ha1ByHash[hash];
        return ha1 is not null;
    }

    private static DigestAlgorithm HashAlgorithm(int hashIndex) => hashIndex switch
    {
        0 => DigestAlgorithm.Md5,
        1 => DigestAlgorithm.Sha256,
        _ => DigestAlgorithm.Sha512_256,
    };
}
