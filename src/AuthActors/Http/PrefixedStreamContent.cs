using System.Net;

namespace AuthActors.Http;

/// <summary>
/// A body we started to buffer and found too large: the bytes already read, then the rest of the
/// original stream. It can be sent once, like the stream it wraps; nothing is lost.
/// </summary>
internal sealed class PrefixedStreamContent : HttpContent
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _rest;

    public PrefixedStreamContent(byte[] prefix, int prefixLength, Stream rest)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
        _rest = rest;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_prefix.AsMemory(0, _prefixLength), cancellationToken).ConfigureAwait(false);
        await _rest.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
