using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Staff;

/// <summary>"Passwort vergessen": the same answer for every address, known or not (see <see cref="PasswordResetRequests"/>).</summary>
[EnableRateLimiting(StaffSetup.ResetRateLimit)]
public sealed class ForgotPasswordModel(PasswordResetRequests requests, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }
    public bool Sent { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (!EmailAddress.TryNormalize(Email, out var email, out var invalid))
        {
            Error = invalid;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await requests.TryQueueAsync(email, SiteUrls.BaseUrl(site.Value, Request)))
        {
            Error = "Für diese Adresse wurden in der letzten Stunde schon mehrere Links angefordert. Bitte sehen Sie in Ihrem Postfach nach oder versuchen Sie es in einer Stunde wieder.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Sent = true;
        return Page();
    }
}
