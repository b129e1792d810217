using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Newsletter.Admin;

/// <summary>The access report (Art. 15) as a readable page to print or save as PDF; the same content as the JSON download.</summary>
public sealed class DataProtectionReportModel(ConsentLedger ledger) : PageModel
{
    [BindProperty(Name = "adresse")] public string? Address { get; set; }
    public PersonalDataExport? Export { get; private set; }

    public IActionResult OnGet() => Redirect("/admin/datenschutz");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Export = string.IsNullOrWhiteSpace(Address) ? null : await ledger.ExportAsync(Address, ct);
        if (Export is null) return Redirect("/admin/datenschutz");
        await ledger.RecordUseAsync(User.Identity?.Name ?? "?", "consent.export", Export.Address, ct);
        return Page();
    }
}
