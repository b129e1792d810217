using System.Text.Json;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>A send as it happens: progress, rate, time left; pause, resume, cancel, retry the failed ones.</summary>
public sealed class CampaignSendingModel(GoldfederDb db, CampaignControl control, CampaignRelayChoice relayChoice, RelayPool relayPool, AuditLog audit, TimeProvider clock, Bounces.BounceRates rates) : PageModel
{
    /// <summary>Bounces and complaints so far, against the providers' limits.</summary>
    public Bounces.BounceRates.Figures Rates { get; private set; } = new(0, 0, 0, 0);

    public CampaignProgress Progress { get; private set; } = null!;
    public string? Notice { get; private set; }

    /// <summary>The campaign's relay (null: all, in order), the configured ones, and what every instance sent over each.</summary>
    public string? Relay { get; private set; }
    public IReadOnlyList<string> RelayNames => relayChoice.Relays;
    public IReadOnlyList<RelayStatus> Relays { get; private set; } = [];

    /// <summary>While the campaign waits for a relay no sender can reach: the error and the next try, in German.</summary>
    public string? MailServerProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? hinweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var progress = await CampaignProgress.OfAsync(db, id, clock, ct);
        if (progress is null) return NotFound();
        Progress = progress;
        Rates = await rates.ForCampaignAsync(id, ct);
        Relay = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Relay).FirstOrDefaultAsync(ct);
        Relays = await relayPool.StatusAsync(db, ct);
        if (progress.Status is "Sending" or "Paused") MailServerProblem = await MailServerTrouble.GermanAsync(relayPool, db, Relay, ct);
        Notice = hinweis switch
        {
            "relay" => "Das Relay wurde geändert; es gilt ab dem nächsten Stapel.",
            "relay-nicht-moeglich" => "Das Relay kann nicht geändert werden: Es ist nicht eingerichtet, oder der Newsletter ist schon versandt oder abgebrochen.",
            "nicht-moeglich" => "Das ist im jetzigen Zustand nicht möglich.",
            "wiederholt" => "Die vorübergehend gescheiterten Empfänger werden erneut versucht.",
            _ => null,
        };
        return Page();
    }

    /// <summary>The numbers for the page's script, every few seconds.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var progress = await CampaignProgress.OfAsync(db, id, clock, ct);
        if (progress is null) return NotFound();
        Progress = progress;
        Relay = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Relay).FirstOrDefaultAsync(ct);
        if (progress.Status is "Sending" or "Paused") MailServerProblem = await MailServerTrouble.GermanAsync(relayPool, db, Relay, ct);
        var json = JsonSerializer.SerializeToNode(progress, JsonSerializerOptions.Web)!.AsObject();
        json["mailServer"] = MailServerProblem;
        return new JsonResult(json);
    }

    public Task<IActionResult> OnPostPauseAsync(int id, CancellationToken ct) => ActAsync(id, "campaign.pause", control.PauseAsync(id, ct), ct);
    public Task<IActionResult> OnPostResumeAsync(int id, CancellationToken ct) => ActAsync(id, "campaign.resume", control.ResumeAsync(id, ct), ct);
    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) => ActAsync(id, "campaign.cancel", control.CancelAsync(id, ct), ct);

    public async Task<IActionResult> OnPostRelayAsync(int id, string? relay, CancellationToken ct)
    {
        if (await relayChoice.SetAsync(id, relay, ct) is not null) return Redirect($"/admin/newsletter/versand/{id}?hinweis=relay-nicht-moeglich");
        await audit.RecordAsync(User.Identity?.Name ?? "?", "campaign.relay", $"Newsletter {id}", null, string.IsNullOrWhiteSpace(relay) ? "alle" : relay, ct);
        return Redirect($"/admin/newsletter/versand/{id}?hinweis=relay");
    }

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var retried = await control.RetryFailedAsync(id, ct);
        if (retried == 0) return Redirect($"/admin/newsletter/versand/{id}?hinweis=nicht-moeglich");
        await audit.RecordAsync(User.Identity?.Name ?? "?", "campaign.retry-failed", $"Newsletter {id}", null, $"{retried} Empfänger", ct);
        return Redirect($"/admin/newsletter/versand/{id}?hinweis=wiederholt");
    }

    private async Task<IActionResult> ActAsync(int id, string action, Task<bool> act, CancellationToken ct)
    {
        if (!await act) return Redirect($"/admin/newsletter/versand/{id}?hinweis=nicht-moeglich");
        await audit.RecordAsync(User.Identity?.Name ?? "?", action, $"Newsletter {id}", null, null, ct);
        return Redirect($"/admin/newsletter/versand/{id}");
    }

    public static string Label(string status) => CampaignListModel.Label(Enum.Parse<CampaignStatus>(status));
}
