using Goldfeder.Common;
using Goldfeder.Features.Articles.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Articles.Admin;

/// <summary>
/// Image upload for articles. The editor's script posts here and inserts the returned Markdown at the cursor;
/// without script this page shows the Markdown to copy.
/// </summary>
public sealed class ImageLibraryModel(ImageStore store, AuditLog audit) : PageModel
{
    public string? Error { get; private set; }
    public string? Alt { get; private set; }
    public string? Credit { get; private set; }
    public List<ImageSizes> Latest { get; private set; } = [];
    public string? New { get; private set; }

    public static string MarkdownOf(ImageSizes image) =>
        $"![{image.Alt.Replace("[", "\\[").Replace("]", "\\]")}]({ImageVariant.UrlOf(image.Key, image.Variants.Max(v => v.Width))})";

    public async Task OnGetAsync(string? neu, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        New = neu;
        Latest = await store.LatestAsync(20, ct);
    }

    // Kestrel's own request limit (30 MB) stays above the configured image limit (10 MB by default).
    public async Task<IActionResult> OnPostAsync(IFormFile? datei, string? alt, string? nachweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var json = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (datei is null || datei.Length == 0) throw new ImageRejectedException("Bitte wählen Sie eine Bilddatei aus.");
            await using var stream = datei.OpenReadStream();
            var actor = User.Identity?.Name ?? "?";
            var image = await store.UploadAsync(stream, datei.Length, alt, nachweis, actor, ct);
            var sizes = new ImageSizes(image.Key, image.Alt, image.Variants.Select(v => (v.Width, v.Height)).ToList());
            await audit.RecordAsync(actor, "image.upload", image.Url, after: $"{datei.FileName}: {image.Alt}, Foto: {image.Credit} ({image.Width}×{image.Height})", ct: ct);
            return json ? new JsonResult(new { markdown = MarkdownOf(sizes), url = image.Url }) : Redirect($"/admin/bilder?neu={image.Key}");
        }
        catch (ImageRejectedException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (json) return new JsonResult(new { error = e.Message });
            Error = e.Message;
            Alt = alt;
            Credit = nachweis;
            Latest = await store.LatestAsync(20, ct);
            return Page();
        }
    }
}
