using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>Upload of an existing list (CSV: address, consent time, source); all or nothing, see <see cref="SubscriberImport"/>.</summary>
[RequestSizeLimit(50 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 50 * 1024 * 1024)]
public sealed class SubscriberUploadModel(SubscriberImport import, AuditLog audit) : PageModel
{
    public SubscriberImport.Result? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(IFormFile? datei, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (datei is null || datei.Length == 0)
        {
            Error = "Bitte wählen Sie eine CSV-Datei aus.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = datei.OpenReadStream();
        Result = await import.ImportAsync(stream, datei.FileName, ct);
        if (Result.Refused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.RecordAsync(User.Identity?.Name ?? "?", "subscribers.import", Path.GetFileName(datei.FileName), null,
            $"{Result.Imported} importiert, {Result.AlreadyKnown} schon bekannt, {Result.Erased} auf Wunsch gelöscht", ct);
        return Page();
    }
}
