using Goldfeder.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Newsletter.Admin;

/// <summary>The data-protection officer's page: proof of consent (Art. 7(1)), access (Art. 15), erasure (Art. 17). Every use is audited.</summary>
public sealed class DataProtectionModel(ConsentLedger ledger, AuditLog audit) : PageModel
{
    [BindProperty(Name = "adresse", SupportsGet = true)] public string? Address { get; set; }
    public ConsentLedger.Proof? Proof { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Address)) return;
        Address = Address.Trim();
        Proof = await ledger.ProofAsync(Address, ct);
        await audit.RecordAsync(Actor, "consent.proof.view", Proof is null ? Address : EmailAddress.Normalize(Proof.Email), ct: ct);
        if (Proof is null) Message = "Zu dieser Adresse ist nichts gespeichert.";
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var export = Address is null ? null : await ledger.ExportAsync(Address, ct);
        if (export is null) return RedirectToPage(new { adresse = Address });
        await audit.RecordAsync(Actor, "consent.export", EmailAddress.Normalize(export.Subscription.Email), ct: ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json; charset=utf-8", "auskunft.json");
    }

    public async Task<IActionResult> OnPostEraseAsync([FromForm(Name = "bestaetigt")] bool confirmed, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!confirmed || string.IsNullOrWhiteSpace(Address))
        {
            Message = "Bitte bestätigen Sie die Löschung mit dem Häkchen.";
            Proof = Address is null ? null : await ledger.ProofAsync(Address, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var erased = await ledger.EraseAsync(Address, Actor, ct);
        if (erased) await audit.RecordAsync(Actor, "consent.erase", AuditPersonalData.ErasedSubject, ct: ct);
        Message = erased ? "Die personenbezogenen Daten wurden gelöscht." : "Zu dieser Adresse ist nichts gespeichert.";
        Address = null;
        return Page();
    }

    private string Actor => User.Identity?.Name ?? "?";
}
