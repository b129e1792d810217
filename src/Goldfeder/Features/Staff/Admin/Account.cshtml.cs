using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Staff.Admin;

/// <summary>One account: its roles, disable or enable it, a new invitation while it is not accepted.</summary>
public sealed class AccountModel(StaffAccounts accounts, IOptions<SiteOptions> site) : PageModel
{
    [FromRoute] public string Id { get; set; } = "";
    [BindProperty(Name = "roles")] public List<string> SelectedRoles { get; set; } = [];
    public StaffAccount Account { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    private string Actor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(string? hinweis)
    {
        Notice = hinweis switch
        {
            "rollen" => "Die Rollen sind gespeichert. Die Person meldet sich beim nächsten Seitenaufruf neu an.",
            "deaktiviert" => "Das Konto ist deaktiviert; seine Sitzungen sind beendet.",
            "aktiviert" => "Das Konto ist wieder aktiv.",
            "eingeladen" => "Eine neue Einladung ist unterwegs; der bisherige Link gilt nicht mehr.",
            _ => null,
        };
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRolesAsync() => DoAsync(() => accounts.SetRolesAsync(Id, SelectedRoles, Actor, HttpContext.RequestAborted), "rollen");
    public Task<IActionResult> OnPostDisableAsync() => DoAsync(() => accounts.DisableAsync(Id, Actor, HttpContext.RequestAborted), "deaktiviert");
    public Task<IActionResult> OnPostEnableAsync() => DoAsync(() => accounts.EnableAsync(Id, Actor, HttpContext.RequestAborted), "aktiviert");
    public Task<IActionResult> OnPostReinviteAsync() =>
        DoAsync(() => accounts.ReinviteAsync(Id, Actor, SiteUrls.BaseUrl(site.Value, Request), HttpContext.RequestAborted), "eingeladen");

    private async Task<IActionResult> DoAsync(Func<Task<string?>> change, string done)
    {
        Error = await change();
        if (Error is null) return Redirect($"/admin/konten/{Uri.EscapeDataString(Id)}?hinweis={done}");
        if (!await LoadAsync()) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await accounts.FindAsync(Id, HttpContext.RequestAborted) is not { } account) return false;
        Account = account;
        SelectedRoles = [.. account.Roles];
        return true;
    }
}
