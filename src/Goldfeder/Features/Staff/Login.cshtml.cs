using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Goldfeder.Features.Staff;

[EnableRateLimiting(StaffSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AdminUser> signIn) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }
    [BindProperty(Name = "password")] public string? Password { get; set; }
    [BindProperty(Name = "returnUrl", SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var result = string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");

        // One message for unknown addresses, wrong passwords and locked accounts: nobody learns which accounts exist.
        Error = "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort. Nach mehreren Fehlversuchen ist die Anmeldung für 15 Minuten gesperrt.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
