using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Staff;

/// <summary>"Mein Konto": change the own password, see and manage two-factor login and the recovery codes.</summary>
public sealed class OwnAccountModel(SignInManager<AdminUser> signIn, StaffSignIns signIns, AuditLog audit) : PageModel
{
    [BindProperty(Name = "current")] public string? Current { get; set; }
    [BindProperty(Name = "password")] public string? Password { get; set; }
    [BindProperty(Name = "confirm")] public string? Confirm { get; set; }
    public AdminUser Account { get; private set; } = null!;
    public bool TwoFactorRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public string? Notice { get; private set; }

    private UserManager<AdminUser> Users => signIn.UserManager;
    private string Actor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(string? hinweis)
    {
        Notice = hinweis switch
        {
            "passwort" => "Ihr neues Passwort ist gespeichert.",
            "zwei-faktor" => "Die Anmeldung mit Code ist eingeschaltet.",
            "aus" => "Die Anmeldung mit Code ist ausgeschaltet.",
            _ => null,
        };
        return await LoadAsync() ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (Password != Confirm) return Failed(["Die beiden neuen Passwörter stimmen nicht überein."]);
        var result = await Users.ChangePasswordAsync(Account, Current ?? "", Password ?? "");
        if (!result.Succeeded)
            return Failed(result.Errors.Select(e => e.Code == "PasswordMismatch" ? "Das bisherige Passwort stimmt nicht." : e.Description).ToList());
        await audit.RecordAsync(Actor, "staff.password-change", Account.Email, ct: HttpContext.RequestAborted);
        // The new security stamp ends other sessions; this one is renewed.
        await signIn.RefreshSignInAsync(Account);
        return Redirect("/admin/konto?hinweis=passwort");
    }

    public async Task<IActionResult> OnPostTwoFactorOffAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (TwoFactorRequired) return Failed(["Die Administration verlangt die Anmeldung mit Code für alle Konten; sie lässt sich nicht ausschalten."]);
        if (!await Users.CheckPasswordAsync(Account, Current ?? "")) return Failed(["Das Passwort stimmt nicht."]);
        await Users.SetTwoFactorEnabledAsync(Account, false);
        await Users.ResetAuthenticatorKeyAsync(Account);
        await audit.RecordAsync(Actor, "staff.2fa-off", Account.Email, ct: HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(Account);
        return Redirect("/admin/konto?hinweis=aus");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (!Account.TwoFactorEnabled) return Redirect("/admin/konto");
        NewRecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 10))!.ToList();
        await audit.RecordAsync(Actor, "staff.recovery-codes", Account.Email, ct: HttpContext.RequestAborted);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private IActionResult Failed(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Users.GetUserAsync(User) is not { } user) return false;
        Account = user;
        TwoFactorRequired = await signIns.TwoFactorRequiredAsync(HttpContext.RequestAborted);
        RecoveryCodesLeft = user.TwoFactorEnabled ? await Users.CountRecoveryCodesAsync(user) : 0;
        return true;
    }
}
