using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>The signup page, and the endpoint every article's newsletter box posts to.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(NewsletterSetup.SignupRateLimit)]
public sealed class SignupPageModel(Signup signup, IOptions<NewsletterOptions> options, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }
    [BindProperty(Name = "quelle")] public string? Source { get; set; }
    [BindProperty(Name = "themen")] public int[]? Topics { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty(Name = "website")] public string? Website { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website)) return Redirect("/newsletter/danke");
        if (!EmailAddress.TryNormalize(Email, out var email, out var error))
        {
            Error = error;
            if (Email?.Length > EmailAddress.MaxLength * 2) Email = Email[..(EmailAddress.MaxLength * 2)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await signup.RequestAsync(email, Requester.From(HttpContext, options, site.Value, Source), ct, Topics);
        return Redirect("/newsletter/danke");
    }
}
