namespace Goldfeder.Features.Careers;

/// <summary>
/// Whether an upload is a PDF, judged by its bytes, never by its name or the browser's content type: it must start with
/// "%PDF-" and carry "%%EOF" in its last kilobyte (ISO 32000-1 § 7.5.2 and § 7.5.5; readers tolerate a little trailing
/// garbage, hence a window, not the last bytes). An executable (MZ, ELF), a zip (PK) or a zip bomb renamed ".pdf" fails the
/// first test without being unpacked. This is a minimum, not a virus scan: HR's PDF reader still sees untrusted files.
/// </summary>
public static class PdfCheck
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] Trailer = "%%EOF"u8.ToArray();
    private const int TrailerWindow = 1024;

    public static async Task<bool> IsPdfAsync(Stream content, CancellationToken ct)
    {
        if (!content.CanSeek) throw new ArgumentException("The check reads the start and the end of the file.", nameof(content));
        if (content.Length < Header.Length + Trailer.Length) return false;

        var head = new byte[Header.Length];
        content.Position = 0;
        await content.ReadExactlyAsync(head, ct);
        if (!head.AsSpan().SequenceEqual(Header)) return false;

        var windowLength = (int)Math.Min(TrailerWindow, content.Length);
        var tail = new byte[windowLength];
        content.Position = content.Length - windowLength;
        await content.ReadExactlyAsync(tail, ct);
        content.Position = 0;
        return tail.AsSpan().IndexOf(Trailer) >= 0;
    }
}
