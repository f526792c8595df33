namespace AuthActors.Protocol;

/// <summary>
/// SHA-512/256 (FIPS 180-4 §5.3.6.2, §6.7), which .NET does not provide: the SHA-512 compression
/// function started from its own initial values and truncated to 256 bits. This is NOT the first
/// 256 bits of SHA-512 (the values printed in RFC 7616 §3.9.2 are, see erratum 4897).
/// </summary>
/// <remarks>
/// The static <c>HashData</c> methods allocate nothing but the returned array (the span overload
/// nothing at all). An instance hashes incrementally (streamed auth-int bodies); it is not thread-safe.
/// </remarks>
#pragma warning disable CA1707 // The name spells the algorithm "SHA-512/256"; the API is fixed by the design.
internal sealed class Sha512_256
#pragma warning restore CA1707
{
    /// <summary>The digest size: 32 bytes.</summary>
    public const int HashSizeInBytes = Sha512_256Core.HashSize;

    private Sha512_256Core _core;

    /// <summary>Creates an incremental hasher in its initial state.</summary>
    public Sha512_256() => _core.Reset();

    /// <summary>Hashes <paramref name="source"/> in one call.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        byte[] hash = new byte[HashSizeInBytes];
        HashData(source, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/>; returns 32.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static int HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException($"The destination needs {HashSizeInBytes} bytes.", nameof(destination));
        }

        Sha512_256Core core = default;
        core.Reset();
        core.Append(source);
        core.Finish(destination);
        return HashSizeInBytes;
    }

    /// <summary>Feeds more data.</summary>
    public void AppendData(ReadOnlySpan<byte> data) => _core.Append(data);

    /// <summary>Feeds more data.</summary>
    public void AppendData(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _core.Append(data);
    }

    /// <summary>Returns the digest of everything appended since the last reset, and resets.</summary>
    public byte[] GetHashAndReset()
    {
        byte[] hash = new byte[HashSizeInBytes];
        _core.Finish(hash);
        return hash;
    }

    /// <summary>Writes the digest of everything appended since the last reset, and resets; returns 32.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public int GetHashAndReset(Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException($"The destination needs {HashSizeInBytes} bytes.", nameof(destination));
        }

        _core.Finish(destination);
        return HashSizeInBytes;
    }

    /// <summary>Discards everything appended so far.</summary>
    public void Reset() => _core.Reset();
}
