using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Staff;

/// <summary>
/// A page reached by a personal link (invitation or password reset) that sets the account's password. The token is
/// checked before the form is shown and again when it is sent; setting the password changes the security stamp, so
/// the link works once.
/// </summary>
public abstract class SetPasswordModel(UserManager<AdminUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "konto", SupportsGet = true)] public string? AccountId { get; set; }
    [BindProperty(Name = "token", SupportsGet = true)] public string? Token { get; set; }
    [BindProperty(Name = "password")] public string? Password { get; set; }
    [BindProperty(Name = "confirm")] public string? Confirm { get; set; }
    public string? Email { get; private set; }
    public bool LinkInvalid { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    protected abstract Task<bool> ValidAsync(UserManager<AdminUser> users, AdminUser user, string token);
    protected abstract Task<IdentityResult> SetAsync(UserManager<AdminUser> users, AdminUser user, string token, string password);
    protected abstract string AuditAction { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        await CheckLinkAsync();
        if (LinkInvalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var user = await CheckLinkAsync();
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Password != Confirm) Errors = ["Die beiden Passwörter stimmen nicht überein."];
        else
        {
            var result = await SetAsync(users, user, Token!, Password ?? "");
            if (result.Succeeded)
            {
                await audit.RecordAsync(user.Email!, AuditAction, user.Email, ct: HttpContext.RequestAborted);
                return Redirect("/admin/anmelden?hinweis=passwort");
            }
            Errors = result.Errors.Select(e => e.Code == "InvalidToken" ? "Der Link ist abgelaufen oder wurde schon benutzt." : e.Description).ToList();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<AdminUser?> CheckLinkAsync()
    {
        var user = AccountId is null ? null : await users.FindByIdAsync(AccountId);
        var valid = user is not null && Token is not null && !StaffAccounts.IsDisabled(user, clock.GetUtcNow().UtcDateTime) && await ValidAsync(users, user, Token);
        LinkInvalid = !valid;
        Email = valid ? user!.Email : null;
        return valid ? user : null;
    }
}

public sealed class AcceptInvitationModel(UserManager<AdminUser> users, AuditLog audit, TimeProvider clock) : SetPasswordModel(users, audit, clock)
{
    protected override string AuditAction => "staff.invite-accept";

    protected override async Task<bool> ValidAsync(UserManager<AdminUser> users, AdminUser user, string token) =>
        user.PasswordHash is null && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token);

    protected override async Task<IdentityResult> SetAsync(UserManager<AdminUser> users, AdminUser user, string token, string password) =>
        // Checked again here: between showing the form and sending it, another tab may have used the link.
        await ValidAsync(users, user, token) ? await users.AddPasswordAsync(user, password) : IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
}

public sealed class ResetPasswordModel(UserManager<AdminUser> users, AuditLog audit, TimeProvider clock) : SetPasswordModel(users, audit, clock)
{
    protected override string AuditAction => "staff.password-reset";

    protected override Task<bool> ValidAsync(UserManager<AdminUser> users, AdminUser user, string token) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AdminUser>.ResetPasswordTokenPurpose, token);

    protected override Task<IdentityResult> SetAsync(UserManager<AdminUser> users, AdminUser user, string token, string password) =>
        users.ResetPasswordAsync(user, token, password);
}
