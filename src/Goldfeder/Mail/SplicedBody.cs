using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace Goldfeder.Mail;

/// <summary>
/// A message body that is already encoded: byte chunks (CRLF line ends, 7-bit, quoted-printable lines of at most 76
/// characters) written one after the other. Most chunks are shared by every recipient of a mail; only the few
/// personal ones are made per message (<see cref="PreparedBody"/>). MimeKit writes, measures and DKIM-hashes it
/// like any other entity, through <see cref="WriteTo(FormatOptions, Stream, bool, CancellationToken)"/>.
/// </summary>
public sealed class SplicedBody(ContentType contentType, IReadOnlyList<byte[]> chunks) : MimeEntity(contentType)
{
    /// <summary>Nothing to do: the chunks are 7-bit with short lines, whatever the transport can take.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78) { }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        base.WriteTo(options, stream, contentOnly, cancellationToken);
        using var unix = UnixLineEnds(options, stream);
        foreach (var chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (unix ?? stream).Write(chunk, 0, chunk.Length);
        }
        unix?.Flush();
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
        using var unix = UnixLineEnds(options, stream);
        foreach (var chunk in chunks) await (unix ?? stream).WriteAsync(chunk, cancellationToken);
        if (unix is not null) await unix.FlushAsync(cancellationToken);
    }

    /// <summary>The chunks have CRLF line ends, as SMTP and DKIM want them; a file written with Unix line ends gets LF.</summary>
    private static FilteredStream? UnixLineEnds(FormatOptions options, Stream stream)
    {
        if (options.NewLineFormat != NewLineFormat.Unix) return null;
        var filtered = new FilteredStream(stream); // disposing it leaves the caller's stream open
        filtered.Add(new Dos2UnixFilter());
        return filtered;
    }
}
