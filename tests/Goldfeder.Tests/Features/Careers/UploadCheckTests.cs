using System.Text;
using Goldfeder.Features.Careers;

namespace Goldfeder.Tests.Features.Careers;

public sealed class UploadCheckTests
{
    [Theory]
    [InlineData("lebenslauf.pdf", "lebenslauf.pdf")]
    [InlineData("Lebenslauf Müller.PDF", "Lebenslauf Müller.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\erika\\Desktop\\cv.pdf", "cv.pdf")]
    [InlineData("cv\u0000.pdf", "cv.pdf")]
    [InlineData("cv\r\nContent-Type: text/html.pdf", "html.pdf")]
    [InlineData("\u202Efdp.exe", "fdp.exe.pdf")]
    [InlineData("...", "Anlage.pdf")]
    [InlineData("", "Anlage.pdf")]
    [InlineData(null, "Anlage.pdf")]
    [InlineData("\"quoted\" <tag>.pdf", "_quoted_ _tag_.pdf")]
    public void File_names_are_reduced_to_a_safe_display_name(string? given, string expected) =>
        Assert.Equal(expected, UploadedFileName.Safe(given));

    [Fact]
    public void A_long_name_is_cut_and_still_ends_in_pdf()
    {
        var safe = UploadedFileName.Safe(new string('a', 500) + ".pdf");
        Assert.Equal(UploadedFileName.MaxLength, safe.Length);
        Assert.EndsWith(".pdf", safe);
    }

    [Theory]
    [InlineData("%PDF-1.7\n...\n%%EOF\n", true)]
    [InlineData("%PDF-1.4\n...\n%%EOF", true)]
    [InlineData("%PDF-1.4\n...\n%%EOF\n\0\0\0 trailing garbage", true)]
    [InlineData("%PDF-1.4\n... no end", false)]
    [InlineData("MZ\u0090\0 %PDF-1.4 %%EOF", false)]
    [InlineData("\u007fELF %%EOF", false)]
    [InlineData("PK\u0003\u0004 %%EOF", false)]
    [InlineData(" %PDF-1.4 %%EOF", false)]
    [InlineData("%PDF", false)]
    [InlineData("", false)]
    public async Task Only_bytes_that_start_and_end_like_a_pdf_count_as_one(string content, bool isPdf)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(content));
        Assert.Equal(isPdf, await PdfCheck.IsPdfAsync(stream, default));
    }
}
