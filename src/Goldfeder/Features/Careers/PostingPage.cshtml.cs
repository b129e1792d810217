using Goldfeder.Data;
using Goldfeder.Common;
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
/// binding, so that a too-large request becomes this page with a German message (413) instead of an error page or a
/// reset connection. Uploads are buffered to temporary files on disk above 64 KB, never in memory.
/// <para>Too large, step by step: a request whose Content-Length exceeds <see cref="ApplicationForm.MaxRequestBytes"/> is
/// refused before any of it is parsed. A client that sent <c>Expect: 100-continue</c> (curl, most HTTP libraries) never
/// gets the go-ahead, so it does not even send the body. A browser sends the body anyway; if the server answered and
/// closed at once, the client's TCP stack would often discard the answer (RST) and show a "connection reset" error, so
/// the rest of the body is read and thrown away, without storing it, up to <see cref="ApplicationForm.HardRequestBytes"/>,
/// where Kestrel cuts the connection. A chunked body without a length is parsed until the form limit stops it, then the
/// same.</para>
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy, Tags = [PostingSaver.CacheTag])]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CareersSetup.ApplicationRateLimit)]
[RequestSizeLimit(ApplicationForm.HardRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationForm.MaxRequestBytes, ValueCountLimit = 50, MemoryBufferThreshold = 64 * 1024)]
public sealed class PostingPageModel(GoldfederDb db, ApplicationIntake intake, IOptions<SiteOptions> site, IOptions<CareersOptions> careers, TimeProvider clock) : PageModel
{
    public JobPosting Posting { get; private set; } = null!;
    public bool Filled { get; private set; }
    public string? JsonLd { get; private set; }
    public ApplicationForm Form { get; private set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public bool FilesLost { get; private set; }
    public string PrivacyNotice => careers.Value.PrivacyNotice;

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (!Filled) JsonLd = JobPostingJsonLd.For(Posting, site.Value, BaseUrl);
        CareersCache.ExpireAtNextEnd(HttpContext, [Posting], clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    /// <summary>
    /// No parameters, on purpose: model binding would build every value provider first, the form's among them, and so read
    /// the whole upload before this handler; a too-large one would then fail binding instead of reaching the check below.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var slug = RouteData.Values["slug"] as string ?? "";
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (Filled)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (!Request.HasFormContentType) return await RefuseAsync(StatusCodes.Status400BadRequest, "Ihre Bewerbung konnte nicht gelesen werden. Bitte senden Sie das Formular erneut.", ct);
        if (Request.ContentLength > ApplicationForm.MaxRequestBytes) return await TooLargeAsync(ct);
        IFormCollection posted;
        try
        {
            posted = await Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e is InvalidDataException)
        {
            return await TooLargeAsync(ct);
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

    private Task<IActionResult> TooLargeAsync(CancellationToken ct) => RefuseAsync(StatusCodes.Status413PayloadTooLarge,
        "Ihre Bewerbung ist zu groß: Jede Datei darf höchstens 10 MB haben, alle zusammen höchstens 20 MB. Bitte verkleinern Sie die Dateien und senden Sie das Formular erneut.", ct);

    private async Task<IActionResult> RefuseAsync(int status, string message, CancellationToken ct)
    {
        await DiscardBodyAsync(ct);
        Errors["formular"] = message;
        FilesLost = true;
        Response.StatusCode = status;
        Response.Headers.Connection = "close";
        return Page();
    }

    /// <summary>Reads what the client still sends and drops it (see the class comment); nothing is kept.</summary>
    private async Task DiscardBodyAsync(CancellationToken ct)
    {
        if (Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase) && Request.ContentLength > ApplicationForm.MaxRequestBytes)
            return;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await Request.Body.ReadAsync(buffer, ct) > 0) { }
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or InvalidDataException)
        {
            // Past Kestrel's hard limit, or the client gave up: nothing left to be polite about.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var posting = await db.JobPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Status != PostingStatus.Draft, ct);
        if (posting is null) return false;
        Posting = posting;
        Filled = !posting.IsOpen(clock.GetUtcNow().UtcDateTime);
        return true;
    }

    private string BaseUrl => SiteUrls.BaseUrl(site.Value, Request);
}
