using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Newsletter.Admin;

/// <summary>
/// The data-protection officer's page: proof of consent (Art. 7(1)), everything stored about a person in every feature,
/// access (Art. 15, JSON or printable), erasure (Art. 17). The address comes by POST only, so it stays out of URLs,
/// browser history and access logs. Every use is audited under the person's key.
/// </summary>
public sealed class DataProtectionModel(ConsentLedger ledger) : PageModel
{
    [BindProperty(Name = "adresse")] public string? Address { get; set; }
    public ConsentLedger.Proof? Proof { get; private set; }
    public PersonalDataExport? Found { get; private set; }
    public string? Message { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Address)) return Page();
        Address = Address.Trim();
        await LookUpAsync(ct);
        await ledger.RecordUseAsync(Actor, "consent.proof.view", Address, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var export = Address is null ? null : await ledger.ExportAsync(Address, ct);
        if (export is null) return await OnPostAsync(ct);
        await ledger.RecordUseAsync(Actor, "consent.export", export.Address, ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json; charset=utf-8", "auskunft.json");
    }

    public async Task<IActionResult> OnPostEraseAsync([FromForm(Name = "bestaetigt")] bool confirmed, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!confirmed || string.IsNullOrWhiteSpace(Address))
        {
            Message = "Bitte bestätigen Sie die Löschung mit dem Häkchen.";
            if (Address is not null) await LookUpAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var erased = await ledger.EraseAsync(Address, Actor, ct);
        Message = erased ? "Die personenbezogenen Daten wurden gelöscht." : "Zu dieser Adresse ist nichts gespeichert.";
        Address = null;
        return Page();
    }

    private async Task LookUpAsync(CancellationToken ct)
    {
        Proof = await ledger.ProofAsync(Address!, ct);
        Found = await ledger.ExportAsync(Address!, ct);
        if (Found is null) Message = "Zu dieser Adresse ist nichts gespeichert.";
    }

    private string Actor => User.Identity?.Name ?? "?";
}
