using System.Buffers;

namespace AuthActors.Protocol;

/// <summary>
/// Writes the value of an Authorization / Proxy-Authorization header for Digest (RFC 7616 §3.4).
/// </summary>
/// <remarks>
/// Order: username (or username*), realm, nonce, uri, algorithm, response, qop, nc, cnonce,
/// opaque, userhash. qop, nc and algorithm are tokens (unquoted, RFC 7616 §3.4); everything else
/// is a quoted-string with '"' and '\' escaped. username* (RFC 8187, UTF-8) is used instead of
/// username when userhash is off and the name holds anything outside printable ASCII: such a
/// name cannot travel in a quoted-string that SocketsHttpHandler will send (it refuses non-ASCII
/// request headers by default), and RFC 7616 §3.4.4 defines username* for exactly this.
/// </remarks>
internal static class DigestAuthorizationWriter
{
    private const int StackBufferSize = 1024;
    private const string Prefix = "Digest ";
    private const string UserNameEquals = "username=";
    private const string UserNameStarEquals = "username*=";
    private const string RealmEquals = ", realm=";
    private const string NonceEquals = ", nonce=";
    private const string UriEquals = ", uri=";
    private const string AlgorithmEquals = ", algorithm=";
    private const string ResponseEquals = ", response=";
    private const string QopEquals = ", qop=";
    private const string NcEquals = ", nc=";
    private const string CnonceEquals = ", cnonce=";
    private const string OpaqueEquals = ", opaque=";
    private const string UserHashTrue = ", userhash=true";

    /// <summary>
    /// Computes the response and returns the whole header value, e.g. <c>Digest username="Mufasa",
    /// realm="…", nonce="…", uri="/dir/index.html", algorithm=SHA-256, response="…", qop=auth,
    /// nc=00000001, cnonce="…", opaque="…"</c>. In the steady state the returned string is the only
    /// allocation; all work happens in stack or pooled buffers, which are cleared afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The request is inconsistent (see <see cref="DigestRequest"/>).</exception>
    public static string Write(in DigestRequest request)
    {
        DigestCalculator.Validate(in request);
        DigestAlgorithm algorithm = request.Algorithm;

        Span<char> response = stackalloc char[DigestHash.MaxHexLength];
        int responseLength = DigestCalculator.ComputeValidatedResponse(in request, response);

        Span<char> userHash = stackalloc char[DigestHash.MaxHexLength];
        int userHashLength = request.UserHash ? DigestCalculator.UserHash(algorithm, request.UserName, request.Realm, userHash) : 0;
        bool extended = !request.UserHash && NeedsExtendedUserName(request.UserName);

        // RFC 2617 servers may not know the directive, so MD5 without a spelled token sends none;
        // any other algorithm must be named or the server would assume MD5.
        string? algorithmToken = request.AlgorithmToken ?? (algorithm == DigestAlgorithm.Md5 ? null : DigestAlgorithms.ToToken(algorithm));
        bool hasQop = request.Qop != DigestQop.None;
        bool sendCnonce = hasQop || DigestAlgorithms.IsSession(algorithm);
        ReadOnlySpan<char> qopToken = DigestCalculator.QopToken(request.Qop);

        int length = Prefix.Length;
        length += request.UserHash ? UserNameEquals.Length + userHashLength + 2
            : extended ? UserNameStarEquals.Length + Rfc8187.EncodedLength(request.UserName)
            : UserNameEquals.Length + HttpSyntax.QuotedLength(request.UserName);
        length += RealmEquals.Length + HttpSyntax.QuotedLength(request.Realm);
        length += NonceEquals.Length + HttpSyntax.QuotedLength(request.Nonce);
        length += UriEquals.Length + HttpSyntax.QuotedLength(request.DigestUri);
        length += algorithmToken is null ? 0 : AlgorithmEquals.Length + algorithmToken.Length;
        length += ResponseEquals.Length + responseLength + 2;
        length += hasQop ? QopEquals.Length + qopToken.Length + NcEquals.Length + 8 : 0;
        length += sendCnonce ? CnonceEquals.Length + HttpSyntax.QuotedLength(request.Cnonce) : 0;
        length += request.Opaque is null ? 0 : OpaqueEquals.Length + HttpSyntax.QuotedLength(request.Opaque);
        length += request.UserHash ? UserHashTrue.Length : 0;

        char[]? rented = null;
        Span<char> buffer = length <= StackBufferSize
            ? stackalloc char[length]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var writer = new SpanWriter(buffer);
            writer.Append(Prefix);
            if (request.UserHash)
            {
                writer.Append(UserNameEquals);
                writer.AppendQuoted(userHash[..userHashLength]);
            }
            else if (extended)
            {
                writer.Append(UserNameStarEquals);
                writer.AppendExtended(request.UserName);
            }
            else
            {
                writer.Append(UserNameEquals);
                writer.AppendQuoted(request.UserName);
            }

            writer.Append(RealmEquals);
            writer.AppendQuoted(request.Realm);
            writer.Append(NonceEquals);
            writer.AppendQuoted(request.Nonce);
            writer.Append(UriEquals);
            writer.AppendQuoted(request.DigestUri);
            if (algorithmToken is not null)
            {
                writer.Append(AlgorithmEquals);
                writer.Append(algorithmToken);
            }

            writer.Append(ResponseEquals);
            writer.Append('"');
            writer.Append(response[..responseLength]);
            writer.Append('"');
            if (hasQop)
            {
                writer.Append(QopEquals);
                writer.Append(qopToken);
                writer.Append(NcEquals);
                Span<char> nc = stackalloc char[8];
                request.Nc.TryFormat(nc, out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
                writer.Append(nc);
            }

            if (sendCnonce)
            {
                writer.Append(CnonceEquals);
                writer.AppendQuoted(request.Cnonce);
            }

            if (request.Opaque is not null)
            {
                writer.Append(OpaqueEquals);
                writer.AppendQuoted(request.Opaque);
            }

            if (request.UserHash)
            {
                writer.Append(UserHashTrue);
            }

            return new string(buffer[..writer.Position]);
        }
        finally
        {
            // The buffer holds nothing the returned header does not (no HA1), so it is not cleared.
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when the name holds a character outside printable ASCII (SP through '~').</summary>
    internal static bool NeedsExtendedUserName(ReadOnlySpan<char> userName)
    {
        foreach (char c in userName)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return true;
            }
        }

        return false;
    }
}
