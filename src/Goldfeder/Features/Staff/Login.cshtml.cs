using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Goldfeder.Features.Staff;

/// <summary>
/// The staff login. Every attempt costs one password-hash verification, whether the account exists, the password is
/// wrong, or this address is shut out of the account (<see cref="LoginThrottle"/>), and every failure gets one message,
/// so neither the answer nor its time tells which accounts exist.
/// </summary>
[EnableRateLimiting(StaffSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AdminUser> signIn, LoginThrottle throttle, LoginDecoy decoy, StaffSignIns signIns) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }
    [BindProperty(Name = "password")] public string? Password { get; set; }
    [BindProperty(Name = "returnUrl", SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var email = Email?.Trim() ?? "";
        var password = Password ?? "";
        var ip = ClientAddress.LimitKey(HttpContext.Connection.RemoteIpAddress);
        var user = email.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(email);
        var succeeded = false;
        // An invitation not yet accepted has no password hash to verify: the decoy stands in.
        if (user is null || user.PasswordHash is null || await throttle.IsBlockedAsync(email, ip)) decoy.Verify(password);
        else
        {
            // Identity checks the password and, for an account with an authenticator, sets the cookie that the code page reads.
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
            // A disabled account is locked out before its password is checked: the decoy costs the same time.
            if (result.IsLockedOut) decoy.Verify(password);
            if (result.RequiresTwoFactor)
            {
                await throttle.SucceededAsync(email, ip);
                return Redirect("/admin/anmelden/code" + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
            }
            succeeded = result.Succeeded;
        }

        if (succeeded)
        {
            await throttle.SucceededAsync(email, ip);
            await signIns.CompletedAsync(user!, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        await throttle.FailedAsync(email, ip);
        // One message for unknown addresses, wrong passwords and shut-out addresses: nobody learns which accounts exist.
        Error = "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort. Nach mehreren Fehlversuchen ist die Anmeldung von diesem Gerät für 15 Minuten gesperrt.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
