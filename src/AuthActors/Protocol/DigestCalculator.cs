using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AuthActors.Protocol;

/// <summary>
/// The Digest computations of RFC 7616 §3.4 (and RFC 2617 §3.2.2, RFC 2069 §2.1.2), with stack and
/// pooled buffers: no allocation besides a returned string.
/// </summary>
/// <remarks>
/// Charset rule: every hash input is encoded as UTF-8, with or without <c>charset=UTF-8</c> in the
/// challenge. RFC 7616 §4 defines only UTF-8; RFC 2617 left it open, and the common clients
/// (.NET, Go, Python requests, browsers for ASCII) use UTF-8 too, so for ASCII credentials all
/// agree. A legacy server that hashed ISO-8859-1 bytes will reject a non-ASCII user name or password.
/// </remarks>
internal static class DigestCalculator
{
    private const int StackInputSize = 512;
    private const string QopAuth = "auth";
    private const string QopAuthInt = "auth-int";
    private const int BodyChunkSize = 64 * 1024;

    /// <summary>CTL except HTAB (RFC 9110 §5.6.4: qdtext allows HTAB).</summary>
    private static readonly SearchValues<char> s_controlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>HA1 = H(username ":" realm ":" password) — the base HA1, never the session form.</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string userName, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        var input = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            input.Append(userName);
            input.AppendColon();
            input.Append(realm);
            input.AppendColon();
            input.Append(password);
            return new string(hex[..DigestHash.HashToHex(algorithm, input.Written, hex)]);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>Session HA1 for "-sess" algorithms: H(HA1 ":" nonce ":" cnonce) (RFC 7616 §3.4.2).</summary>
    public static string ComputeSessionHa1(DigestAlgorithm algorithm, string ha1, string nonce, string cnonce)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(cnonce);
        if (!DigestHash.IsHex(ha1, DigestAlgorithms.HexLength(algorithm)))
        {
            throw new ArgumentException($"HA1 must be {DigestAlgorithms.HexLength(algorithm)} hex digits for {DigestAlgorithms.ToToken(algorithm)}.", nameof(ha1));
        }

        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        return new string(hex[..SessionHa1(algorithm, ha1, nonce, cnonce, hex)]);
    }

    /// <summary>The hashed user name: H(username ":" realm) (RFC 7616 §3.4.4).</summary>
    public static string ComputeUserHash(DigestAlgorithm algorithm, string userName, string realm)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(realm);
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        return new string(hex[..UserHash(algorithm, userName, realm, hex)]);
    }

    /// <summary>The request-digest for <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The request is inconsistent (see <see cref="DigestRequest"/>).</exception>
    public static string ComputeResponse(in DigestRequest request)
    {
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        return new string(hex[..ComputeResponse(in request, hex)]);
    }

    /// <summary>Writes the request-digest into <paramref name="destination"/> (32 or 64 chars); allocates nothing.</summary>
    /// <exception cref="ArgumentException">The request is inconsistent, or the destination is too short.</exception>
    public static int ComputeResponse(in DigestRequest request, Span<char> destination)
    {
        Validate(in request);
        if (destination.Length < DigestAlgorithms.HexLength(request.Algorithm))
        {
            throw new ArgumentException($"The destination needs {DigestAlgorithms.HexLength(request.Algorithm)} characters.", nameof(destination));
        }

        return ComputeKd(in request, request.Method, destination);
    }

    /// <summary>The request-digest of a request already checked by <see cref="Validate"/>.</summary>
    internal static int ComputeValidatedResponse(in DigestRequest request, Span<char> destination) =>
        ComputeKd(in request, request.Method, destination);

    /// <summary>
    /// The rspauth a server puts in Authentication-Info (RFC 7616 §3.5): the request-digest with
    /// A2 = ":" digest-uri (auth-int: ":" digest-uri ":" H(body)).
    /// </summary>
    public static string ComputeRspAuth(in DigestRequest request)
    {
        Validate(in request);
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        return new string(hex[..ComputeKd(in request, ReadOnlySpan<char>.Empty, hex)]);
    }

    /// <summary>Checks a server's rspauth in constant time (hex case ignored).</summary>
    public static bool VerifyRspAuth(in DigestRequest request, string rspauth)
    {
        ArgumentNullException.ThrowIfNull(rspauth);
        Validate(in request);
        Span<char> expected = stackalloc char[DigestHash.MaxHexLength];
        int length = ComputeKd(in request, ReadOnlySpan<char>.Empty, expected);
        return FixedTimeHexEquals(expected[..length], rspauth);
    }

    /// <summary>H(entity-body) in lower-case hex, for auth-int.</summary>
    public static string HashBody(DigestAlgorithm algorithm, ReadOnlySpan<byte> body)
    {
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        return new string(hex[..DigestHash.HashToHex(algorithm, body, hex)]);
    }

    /// <summary>
    /// H(entity-body) read from <paramref name="body"/> to its end in pooled 64 KiB chunks; the
    /// body is never copied whole. The stream is left at its end and not disposed.
    /// </summary>
    public static async ValueTask<string> HashBodyAsync(DigestAlgorithm algorithm, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        DigestAlgorithm baseAlgorithm = DigestAlgorithms.BaseOf(algorithm);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BodyChunkSize);
        byte[] hash = new byte[DigestHash.MaxHashSize];
        try
        {
            int size;
            if (baseAlgorithm == DigestAlgorithm.Sha512_256)
            {
                var hasher = new Sha512_256();
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, BodyChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hasher.AppendData(buffer.AsSpan(0, read));
                }

                size = hasher.GetHashAndReset(hash);
            }
            else
            {
                using IncrementalHash hasher = IncrementalHash.CreateHash(baseAlgorithm == DigestAlgorithm.Md5 ? HashAlgorithmName.MD5 : HashAlgorithmName.SHA256);
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, BodyChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hasher.AppendData(buffer.AsSpan(0, read));
                }

                size = hasher.GetHashAndReset(hash);
            }

            return Convert.ToHexStringLower(hash, 0, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A fresh client nonce: 16 bytes from the OS CSPRNG as 32 lower-case hex characters.</summary>
    public static string CreateCnonce()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }

    /// <summary>The nc value as 8 lower-case hex digits (RFC 7616 §3.4): 10 → "0000000a".</summary>
    public static string FormatNc(uint nc) => nc.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Checks that a request is complete and consistent; messages never include HA1.</summary>
    internal static void Validate(in DigestRequest request)
    {
        if (request.UserName is null || request.Realm is null || request.Nonce is null || request.Ha1 is null || request.Method is null || request.DigestUri is null)
        {
            throw new ArgumentException("A DigestRequest needs UserName, Realm, Nonce, Ha1, Method and DigestUri.", nameof(request));
        }

        if (HasControlCharacter(request.Realm) || HasControlCharacter(request.Nonce) || HasControlCharacter(request.DigestUri)
            || HasControlCharacter(request.Method) || HasControlCharacter(request.Cnonce) || HasControlCharacter(request.Opaque))
        {
            // A CR or LF here would split the header (RFC 9110 §5.5); no quoted-string can carry a CTL.
            throw new ArgumentException("Realm, Nonce, DigestUri, Method, Cnonce and Opaque must not contain control characters.", nameof(request));
        }

        if ((uint)request.Algorithm > (uint)DigestAlgorithm.Sha512_256Sess)
        {
            throw new ArgumentException($"Unknown Digest algorithm {request.Algorithm}.", nameof(request));
        }

        if (request.AlgorithmToken is not null && (!DigestAlgorithms.TryParse(request.AlgorithmToken, out DigestAlgorithm spelled) || spelled != request.Algorithm))
        {
            throw new ArgumentException($"AlgorithmToken '{request.AlgorithmToken}' does not name {DigestAlgorithms.ToToken(request.Algorithm)}.", nameof(request));
        }

        if (request.Qop is not (DigestQop.None or DigestQop.Auth or DigestQop.AuthInt))
        {
            throw new ArgumentException("A request uses one qop: None, Auth or AuthInt.", nameof(request));
        }

        if (!DigestHash.IsHex(request.Ha1, DigestAlgorithms.HexLength(request.Algorithm)))
        {
            throw new ArgumentException($"Ha1 must be {DigestAlgorithms.HexLength(request.Algorithm)} hex digits for {DigestAlgorithms.ToToken(request.Algorithm)}.", nameof(request));
        }

        if ((request.Qop != DigestQop.None || DigestAlgorithms.IsSession(request.Algorithm)) && string.IsNullOrEmpty(request.Cnonce))
        {
            throw new ArgumentException("A cnonce is required with a qop or a -sess algorithm (RFC 7616 §3.4).", nameof(request));
        }

        if (request.Qop == DigestQop.AuthInt && !DigestHash.IsHex(request.BodyHashHex, DigestAlgorithms.HexLength(request.Algorithm)))
        {
            throw new ArgumentException($"qop=auth-int needs BodyHashHex, {DigestAlgorithms.HexLength(request.Algorithm)} hex digits of H(entity-body).", nameof(request));
        }
    }

    /// <summary>HA2 = H(method:uri) or H(method:uri:H(body)); exposed to tests to pin the vectors' intermediate values.</summary>
    internal static string ComputeHa2(DigestAlgorithm algorithm, string method, string uri, string? bodyHashHex = null)
    {
        var a2 = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            a2.Append(method);
            a2.AppendColon();
            a2.Append(uri);
            if (bodyHashHex is not null)
            {
                a2.AppendColon();
                a2.Append(bodyHashHex);
            }

            Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
            return new string(hex[..DigestHash.HashToHex(algorithm, a2.Written, hex)]);
        }
        finally
        {
            a2.Dispose();
        }
    }

    private static bool HasControlCharacter(ReadOnlySpan<char> value) => value.ContainsAny(s_controlCharacters);

    internal static ReadOnlySpan<char> QopToken(DigestQop qop) => qop switch
    {
        DigestQop.Auth => QopAuth,
        DigestQop.AuthInt => QopAuthInt,
        _ => ReadOnlySpan<char>.Empty,
    };

    /// <summary>The request-digest (method non-empty) or rspauth (method empty) of a validated request.</summary>
    private static int ComputeKd(in DigestRequest request, ReadOnlySpan<char> method, Span<char> destination)
    {
        Span<char> nc = stackalloc char[8];
        request.Nc.TryFormat(nc, out _, "x8", CultureInfo.InvariantCulture);
        return ComputeKd(
            request.Algorithm,
            request.Ha1,
            request.Nonce,
            nc,
            request.Cnonce,
            QopToken(request.Qop),
            method,
            request.DigestUri,
            request.Qop == DigestQop.AuthInt ? request.BodyHashHex : null,
            destination);
    }

    /// <summary>
    /// KD(HA1, nonce:nc:cnonce:qop:HA2) = H(HA1:nonce:nc:cnonce:qop:HA2) when a qop is used, else the
    /// RFC 2069 form H(HA1:nonce:HA2). HA2 = H(method:uri) or, for auth-int, H(method:uri:H(body)).
    /// Hex inputs (HA1, body hash) are folded to lower case first, as RFC 7616 §3.4 requires.
    /// </summary>
    internal static int ComputeKd(
        DigestAlgorithm algorithm,
        ReadOnlySpan<char> ha1,
        ReadOnlySpan<char> nonce,
        ReadOnlySpan<char> ncText,
        ReadOnlySpan<char> cnonce,
        ReadOnlySpan<char> qopText,
        ReadOnlySpan<char> method,
        ReadOnlySpan<char> uri,
        ReadOnlySpan<char> bodyHashHex,
        Span<char> destination)
    {
        Span<char> ha2 = stackalloc char[DigestHash.MaxHexLength];
        Span<char> lowered = stackalloc char[DigestHash.MaxHexLength];
        int ha2Length;
        var a2 = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            a2.Append(method);
            a2.AppendColon();
            a2.Append(uri);
            if (!bodyHashHex.IsEmpty)
            {
                DigestHash.ToLowerHex(bodyHashHex, lowered);
                a2.AppendColon();
                a2.Append(lowered[..bodyHashHex.Length]);
            }

            ha2Length = DigestHash.HashToHex(algorithm, a2.Written, ha2);
        }
        finally
        {
            a2.Dispose();
        }

        var kd = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            DigestHash.ToLowerHex(ha1, lowered);
            kd.Append(lowered[..ha1.Length]);
            kd.AppendColon();
            kd.Append(nonce);
            kd.AppendColon();
            if (!qopText.IsEmpty)
            {
                kd.Append(ncText);
                kd.AppendColon();
                kd.Append(cnonce);
                kd.AppendColon();
                kd.Append(qopText);
                kd.AppendColon();
            }

            kd.Append(ha2[..ha2Length]);
            return DigestHash.HashToHex(algorithm, kd.Written, destination);
        }
        finally
        {
            kd.Dispose();
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(lowered));
        }
    }

    internal static int SessionHa1(DigestAlgorithm algorithm, ReadOnlySpan<char> ha1, ReadOnlySpan<char> nonce, ReadOnlySpan<char> cnonce, Span<char> destination)
    {
        Span<char> lowered = stackalloc char[DigestHash.MaxHexLength];
        var input = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            if (ha1.Length > lowered.Length)
            {
                throw new ArgumentException("HA1 is longer than any supported digest.", nameof(ha1));
            }

            DigestHash.ToLowerHex(ha1, lowered);
            input.Append(lowered[..ha1.Length]);
            input.AppendColon();
            input.Append(nonce);
            input.AppendColon();
            input.Append(cnonce);
            return DigestHash.HashToHex(algorithm, input.Written, destination);
        }
        finally
        {
            input.Dispose();
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(lowered));
        }
    }

    internal static int UserHash(DigestAlgorithm algorithm, ReadOnlySpan<char> userName, ReadOnlySpan<char> realm, Span<char> destination)
    {
        var input = new HashInput(stackalloc byte[StackInputSize]);
        try
        {
            input.Append(userName);
            input.AppendColon();
            input.Append(realm);
            return DigestHash.HashToHex(algorithm, input.Written, destination);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>Compares a computed lower-case digest with a received one (either case) in constant time.</summary>
    internal static bool FixedTimeHexEquals(ReadOnlySpan<char> expected, ReadOnlySpan<char> received)
    {
        if (received.Length != expected.Length)
        {
            // Lengths are public (fixed by the algorithm); only the content is compared in constant time.
            return false;
        }

        Span<char> lowered = stackalloc char[DigestHash.MaxHexLength];
        if (!DigestHash.ToLowerHex(received, lowered))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected),
            MemoryMarshal.AsBytes(lowered[..received.Length]));
    }
}
