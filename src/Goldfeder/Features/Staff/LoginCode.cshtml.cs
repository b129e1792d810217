using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Goldfeder.Features.Staff;

/// <summary>
/// The second step of a login with an authenticator app: the six-digit code, or one of the recovery codes. Identity's
/// two-factor cookie (set by the password step) says whose code it is; guesses count in <see cref="LoginThrottle"/> like passwords.
/// </summary>
[EnableRateLimiting(StaffSetup.LoginRateLimit)]
public sealed class LoginCodeModel(SignInManager<AdminUser> signIn, LoginThrottle throttle, StaffSignIns signIns, AuditLog audit) : PageModel
{
    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "returnUrl", SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/admin/anmelden") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/admin/anmelden");
        var ip = ClientAddress.LimitKey(HttpContext.Connection.RemoteIpAddress);
        var key = "code:" + user.Id;
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var succeeded = false;
        if (code.Length > 0 && !await throttle.IsBlockedAsync(key, ip))
        {
            if (code.Length == 6 && code.All(char.IsAsciiDigit))
                succeeded = (await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)).Succeeded;
            else if ((await signIn.TwoFactorRecoveryCodeSignInAsync(code)).Succeeded)
            {
                succeeded = true;
                await audit.RecordAsync(user.Email!, "staff.recovery-code", user.Email, ct: HttpContext.RequestAborted);
            }
        }
        if (succeeded)
        {
            await throttle.SucceededAsync(key, ip);
            await signIns.CompletedAsync(user, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        await throttle.FailedAsync(key, ip);
        Error = "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein (er wechselt alle 30 Sekunden) oder einen Ihrer Wiederherstellungscodes.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
