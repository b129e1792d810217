using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>Upload of an existing list (CSV: address, consent time, source); all or nothing, see <see cref="SubscriberImport"/>.</summary>
[RequestSizeLimit(50 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 50 * 1024 * 1024)]
public sealed class SubscriberUploadModel(SubscriberImport import, Goldfeder.Features.Newsletter.NewsletterTopics topics, AuditLog audit) : PageModel
{
    public IReadOnlyList<Goldfeder.Features.Newsletter.NewsletterTopics.Topic> Offered { get; private set; } = [];

    public SubscriberImport.Result? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Offered = await topics.ActiveAsync(ct);
    }

    /// <param name="defaultTopics">Topics for rows without a topics column; none: the whole newsletter.</param>
    public async Task<IActionResult> OnPostAsync(IFormFile? datei, [FromForm(Name = "themen")] int[]? defaultTopics, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Offered = await topics.ActiveAsync(ct);
        if (datei is null || datei.Length == 0)
        {
            Error = "Bitte wählen Sie eine CSV-Datei aus.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = datei.OpenReadStream();
        Result = await import.ImportAsync(stream, datei.FileName, ct, defaultTopics);
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
