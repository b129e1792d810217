using System.Text;
using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Goldfeder.Features.Staff;

/// <summary>
/// Sets up the authenticator app with Identity's built-in support: the key (as a QR code and as text), one code to
/// prove the app has it, then ten recovery codes shown once.
/// </summary>
public sealed class TwoFactorSetupModel(SignInManager<AdminUser> signIn, AuditLog audit, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "pflicht", SupportsGet = true)] public string? RequiredBy { get; set; }
    public bool Required => RequiredBy == "ja";
    public string Key { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string? Error { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    private UserManager<AdminUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return Redirect("/admin/konto");
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return Redirect("/admin/konto");
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "Der Code stimmt nicht. Bitte geben Sie den Code ein, den die App gerade für diese Website anzeigt (er wechselt alle 30 Sekunden).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowKeyAsync(user);
            return Page();
        }
        await Users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.RecordAsync(User.Identity?.Name ?? "?", "staff.2fa-on", user.Email, ct: HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task ShowKeyAsync(AdminUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp, which would end this session too: renewed at once.
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await Users.GetAuthenticatorKeyAsync(user))!;
        }
        // Groups of four, as apps show keys typed in by hand.
        Key = string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString(site.Value.Brand);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(5);
    }
}
