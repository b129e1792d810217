using Goldfeder.Data;
using Goldfeder.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>
/// A posting with its application form. The page is output-cached like every reader page, so it sets no cookie: no
/// antiforgery token either. Cross-site request forgery needs a session to abuse; this form has none (an applicant is
/// anonymous, and whoever could forge the POST could as well send it himself), so the token would protect nothing and
/// cost the cache. Bots meet the honeypot and the per-IP rate limit instead. The form is read by hand, not by model
/// binding, so that a too-large request (refused by Kestrel at <see cref="ApplicationForm.MaxRequestBytes"/>) becomes
/// this page with a German message instead of an error; uploads are buffered to temporary files on disk, never in memory.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy, Tags = [PostingSaver.CacheTag])]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CareersSetup.ApplicationRateLimit)]
[RequestSizeLimit(ApplicationForm.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationForm.MaxRequestBytes, ValueCountLimit = 50, MemoryBufferThreshold = 64 * 1024)]
public sealed class ShowModel(GoldfederDb db, ApplicationIntake intake, IOptions<SiteOptions> site, IOptions<CareersOptions> careers, TimeProvider clock) : PageModel
{
    public JobPosting Posting { get; private set; } = null!;
    public bool Filled { get; private set; }
    public string? JsonLd { get; private set; }
    public ApplicationForm Form { get; private set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public bool FilesLost { get; private set; }
    public string PrivacyNotice => careers.Value.PrivacyNotice;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (!Filled) JsonLd = JobPostingJsonLd.For(Posting, site.Value, BaseUrl);
        CareersCache.ExpireAtNextEnd(HttpContext, [Posting], clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (Filled)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        IFormCollection posted;
        try
        {
            if (!Request.HasFormContentType) return Refuse(StatusCodes.Status400BadRequest, "Ihre Bewerbung konnte nicht gelesen werden. Bitte senden Sie das Formular erneut.");
            posted = await Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e is InvalidDataException)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge,
                "Ihre Bewerbung ist zu groß: Jede Datei darf höchstens 10 MB haben, alle zusammen höchstens 20 MB. Bitte verkleinern Sie die Dateien und senden Sie das Formular erneut.");
        }

        Form = ApplicationForm.From(posted);
        if (Form.Website.Length > 0) return Redirect("/karriere/danke");
        Errors = await Form.CheckAsync(ct);
        if (Errors.Count > 0)
        {
            FilesLost = Form.Files.Any();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await intake.TakeAsync(Posting, Form, BaseUrl, ct);
        return Redirect("/karriere/danke");
    }

    private IActionResult Refuse(int status, string message)
    {
        Errors["formular"] = message;
        FilesLost = true;
        Response.StatusCode = status;
        // The rest of an oversized body is not read; the connection closes after this answer.
        HttpContext.Response.Headers.Connection = "close";
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var posting = await db.JobPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Status != PostingStatus.Draft, ct);
        if (posting is null) return false;
        Posting = posting;
        Filled = !posting.IsOpen(clock.GetUtcNow().UtcDateTime);
        return true;
    }

    private string BaseUrl => (site.Value.BaseUrl ?? $"{Request.Scheme}://{Request.Host}").TrimEnd('/');
}
