using System.Net;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>Wraps a request body and counts the bytes the client actually wrote to the connection.</summary>
public sealed class CountingContent : HttpContent
{
    private readonly HttpContent _inner;
    private long _written;

    public CountingContent(HttpContent inner)
    {
        _inner = inner;
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    public long Written => Interlocked.Read(ref _written);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var buffer = new byte[81920];
        await using var source = await _inner.ReadAsStreamAsync();
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read));
            Interlocked.Add(ref _written, read);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
