using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Goldfeder.Mail;

/// <summary>
/// A mail sent to many with personal links (a campaign's withdrawal and preference links, a signup's confirmation link): its text
/// and HTML, holding a placeholder where the link goes, encoded once as a multipart/alternative body, quoted-printable
/// split at every placeholder. A recipient's body is the shared chunks with their link, encoded on its own, spliced in
/// between. Encoding the whole mail per recipient (MimeKit's TextPart) cost most of a bulk sender's time; this costs
/// two short encodings.
/// </summary>
/// <remarks>
/// Why the splice is exact quoted-printable (RFC 2045 §6.7): every chunk is encoded from column 0 and ends either with
/// a line break or with a soft line break ("=" CRLF, which decoding removes), so the link always starts a fresh line and
/// no line grows past 76 characters; decoding the spliced body gives exactly the text with the link in it.
/// </remarks>
public sealed class PreparedBody
{
    private readonly string _boundary = "=-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    private readonly byte[] _textHead;
    private readonly Split _text;
    private readonly byte[] _htmlHead;
    private readonly Split _html;
    private readonly byte[] _end;

    /// <summary>The encoded pieces between placeholders, and which link goes after each piece but the last.</summary>
    private sealed record Split(byte[][] Parts, int[] Links);

    /// <param name="placeholders">The places of the personal links, in the order <see cref="BodyFor"/> is given them.</param>
    public PreparedBody(string text, string html, params string[] placeholders)
    {
        Text = text;
        Html = html;
        _textHead = Ascii($"--{_boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        _text = SplitAt(text, placeholders);
        _htmlHead = Ascii($"\r\n--{_boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        _html = SplitAt(html, placeholders);
        _end = Ascii($"\r\n--{_boundary}--\r\n");
    }

    private static Split SplitAt(string s, string[] placeholders)
    {
        var parts = new List<byte[]>();
        var links = new List<int>();
        var at = 0;
        while (true)
        {
            var (index, link) = (-1, -1);
            for (var p = 0; p < placeholders.Length; p++)
            {
                var i = s.IndexOf(placeholders[p], at, StringComparison.Ordinal);
                if (i >= 0 && (index < 0 || i < index)) (index, link) = (i, p);
            }
            if (index < 0) break;
            parts.Add(QuotedPrintable(s[at..index]));
            links.Add(link);
            at = index + placeholders[link].Length;
        }
        parts.Add(QuotedPrintable(s[at..]));
        return new Split([.. parts], [.. links]);
    }

    /// <summary>The rendering this was prepared from.</summary>
    public string Text { get; }
    public string Html { get; }

    /// <summary>The body of one recipient's mail, with their links (one per placeholder, in order) in the text and (HTML-escaped) in the HTML.</summary>
    public SplicedBody BodyFor(params string[] links)
    {
        var textLinks = links.Select(QuotedPrintable).ToArray();
        var htmlLinks = links.Select(l => QuotedPrintable(WebUtility.HtmlEncode(l))).ToArray();
        var chunks = new List<byte[]>(2 * (_text.Parts.Length + _html.Parts.Length) + 3) { _textHead };
        Splice(chunks, _text, textLinks);
        chunks.Add(_htmlHead);
        Splice(chunks, _html, htmlLinks);
        chunks.Add(_end);
        // A new ContentType per message: MimeKit's entities subscribe to their content type's changes.
        return new SplicedBody(new ContentType("multipart", "alternative") { Boundary = _boundary }, chunks);
    }

    private static void Splice(List<byte[]> chunks, Split split, byte[][] links)
    {
        chunks.Add(split.Parts[0]);
        for (var i = 1; i < split.Parts.Length; i++)
        {
            chunks.Add(links[split.Links[i - 1]]);
            chunks.Add(split.Parts[i]);
        }
    }

    /// <summary>UTF-8, quoted-printable from column 0, CRLF line ends; ends with a line break or a soft one.</summary>
    private static byte[] QuotedPrintable(string text)
    {
        var input = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
        // 72, not 76: MimeKit's encoder can overshoot its limit by two after an escaped character, and RFC 2045 §6.7 allows 76.
        var encoder = new QuotedPrintableEncoder(72);
        var output = new byte[encoder.EstimateOutputLength(input.Length)];
        var length = encoder.Flush(input, 0, input.Length, output);
        var lineBreaks = output.AsSpan(0, length).Count((byte)'\n');
        var crlf = new byte[length + lineBreaks];
        var at = 0;
        foreach (var b in output.AsSpan(0, length))
        {
            if (b == '\n') crlf[at++] = (byte)'\r';
            crlf[at++] = b;
        }
        return crlf;
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
