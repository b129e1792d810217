using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Staff.Admin;

/// <summary>The Admin's list of accounts, the invitation form and the rule that every account logs in with a code.</summary>
public sealed class AccountsModel(StaffAccounts accounts, StaffSignIns signIns, GoldfederDb db, AuditLog audit, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }
    [BindProperty(Name = "roles")] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty(Name = "require")] public bool RequireTwoFactor { get; set; }
    public List<StaffAccount> All { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? hinweis, string? an)
    {
        Notice = hinweis switch
        {
            "eingeladen" => $"Die Einladung an {an} ist unterwegs. Der Link darin gilt 48 Stunden.",
            "regel" => "Die Regel für die Anmeldung ist gespeichert.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        Errors = await accounts.InviteAsync(Email, SelectedRoles, User.Identity?.Name ?? "?", SiteUrls.BaseUrl(site.Value, Request), HttpContext.RequestAborted);
        if (Errors.Count == 0) return Redirect($"/admin/konten?hinweis=eingeladen&an={Uri.EscapeDataString(Email!.Trim())}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(keepForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostPolicyAsync()
    {
        var ct = HttpContext.RequestAborted;
        var policy = await db.StaffPolicies.FirstOrDefaultAsync(p => p.Id == StaffPolicy.SingleId, ct);
        if (policy is null) db.StaffPolicies.Add(policy = new StaffPolicy());
        var before = policy.RequireTwoFactor;
        policy.RequireTwoFactor = RequireTwoFactor;
        await db.SaveChangesAsync(ct);
        if (before != RequireTwoFactor)
            await audit.RecordAsync(User.Identity?.Name ?? "?", "staff.2fa-policy", "Anmeldung mit Code", before ? "verlangt" : "freiwillig", RequireTwoFactor ? "verlangt" : "freiwillig", ct);
        return Redirect("/admin/konten?hinweis=regel");
    }

    private async Task LoadAsync(bool keepForm = false)
    {
        Response.Headers.CacheControl = "no-store";
        All = await accounts.ListAsync(HttpContext.RequestAborted);
        RequireTwoFactor = await signIns.TwoFactorRequiredAsync(HttpContext.RequestAborted);
        if (!keepForm) SelectedRoles = [];
    }
}
