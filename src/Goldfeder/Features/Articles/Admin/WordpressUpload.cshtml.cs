using Goldfeder.Common;
using Goldfeder.Features.Articles.WordpressImport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Articles.Admin;

/// <summary>The WordPress import from the browser: the same importer as <c>Goldfeder import wordpress FILE.xml</c>.</summary>
// An export of a long-running blog is larger than Kestrel's default 30 MB request limit.
[RequestSizeLimit(ImportLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimit)]
public sealed class WordpressUploadModel(WordpressImporter importer, AuditLog audit) : PageModel
{
    private const long ImportLimit = 200L * 1024 * 1024;

    public string? Error { get; private set; }
    public string? Result { get; private set; }

    /// <summary>After a successful import the page shows the counts; only numbers travel in the address.</summary>
    public void OnGet(int? importiert, int? uebersprungen)
    {
        Response.Headers.CacheControl = "no-store";
        if (importiert is { } imported)
            Result = $"Import abgeschlossen: {imported} Beiträge übernommen, {uebersprungen ?? 0} schon früher importiert und unverändert gelassen.";
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? datei, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (datei is null || datei.Length == 0)
        {
            Error = "Bitte wählen Sie eine WordPress-Exportdatei (.xml) aus.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await using var stream = datei.OpenReadStream();
            var actor = User.Identity?.Name ?? "?";
            var summary = await importer.ImportAsync(stream, actor, ct);
            if (summary.Imported > 0)
                await audit.RecordAsync(actor, "wordpress.import", datei.FileName, after: summary.ToString(), ct: ct);
            return Redirect($"/admin/artikel/import?importiert={summary.Imported}&uebersprungen={summary.Skipped}");
        }
        catch (WxrFormatException e)
        {
            Error = $"Die Datei wurde nicht importiert, nichts wurde übernommen. Zeile {e.Line}: {e.Reason}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
