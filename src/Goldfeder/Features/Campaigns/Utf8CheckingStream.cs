using System.Buffers;
using System.Text.Unicode;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Passes a stream's bytes through unchanged while checking that they are UTF-8, and throws
/// <see cref="InvalidUtf8Exception"/> with the line of the first byte that is not. A decoder would either replace such
/// bytes silently (U+FFFD stored for good in names and sources) or fail somewhere in the parser's read-ahead, with no line
/// to tell the user. Checks as it streams: nothing is buffered beyond an incomplete character at a read's end.
/// </summary>
public sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private byte[] _carry = [];
    private int _line = 1;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read], final: read == 0);
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Check(buffer.AsSpan(offset, read), final: read == 0);
        return read;
    }

    private void Check(ReadOnlySpan<byte> bytes, bool final)
    {
        byte[] joined = [.. _carry, .. bytes];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(joined.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(joined, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            _line += joined.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData) throw new InvalidUtf8Exception(_line);
            _carry = joined[consumed..];
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
