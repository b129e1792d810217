using Goldfeder.Features.Articles;
using Goldfeder.Features.Newsletter;
using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>Write a campaign, see it as recipients will, send a test, then send now or at a time.</summary>
public sealed class CampaignEditModel(GoldfederDb db, CampaignControl control, CampaignAudience audience, NewsletterTopics topics, AuditLog audit, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        public string? Subject { get; set; }
        public string? Preheader { get; set; }
        public string? BodyMarkdown { get; set; }
        public bool IncludeDigest { get; set; }
        public string? TestAddress { get; set; }
        public string? Date { get; set; }
        public string? Time { get; set; }

        /// <summary>The topics the campaign goes to; none: every confirmed subscriber.</summary>
        public int[] Topics { get; set; } = [];
    }

    /// <summary>The topics on offer, each with how many subscribers it alone would reach now.</summary>
    public List<(NewsletterTopics.Topic Topic, int Recipients)> TopicChoices { get; private set; } = [];

    /// <summary>How many subscribers the saved choice would reach if the send started now.</summary>
    public int Recipients { get; private set; }

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public Campaign? Campaign { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? hinweis, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (Id is null) return Page();
        Campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (Campaign is null) return NotFound();
        if (!Campaign.CanEdit) return Redirect($"/admin/newsletter/versand/{Id}");
        Input = new Form { Subject = Campaign.Subject, Preheader = Campaign.Preheader, BodyMarkdown = Campaign.BodyMarkdown, IncludeDigest = Campaign.IncludeDigest };
        Input.Topics = [.. await audience.TopicsOfAsync(Campaign.Id, ct)];
        await LoadAudienceAsync(ct);
        if (Campaign.ScheduledForUtc is { } at)
        {
            var berlin = BerlinTime.ToBerlin(at);
            (Input.Date, Input.Time) = (berlin.ToString("yyyy-MM-dd"), berlin.ToString("HH:mm"));
        }
        Notice = hinweis switch
        {
            "gespeichert" => "Gespeichert.",
            "test" => "Die Testmail ist unterwegs.",
            "geplant" => "Der Versand ist geplant.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var draft = new CampaignControl.Draft(Input.Subject, Input.Preheader, Input.BodyMarkdown, Input.IncludeDigest);
        if (Id is null)
        {
            var (created, errors) = await control.CreateAsync(draft, ct);
            if (created is null) return await InvalidAsync(errors, ct);
            await audience.SetTopicsAsync(created.Id, Input.Topics, ct);
            await audit.RecordAsync(Actor, "campaign.create", $"Newsletter {created.Id}", null, created.Subject, ct);
            return Redirect($"/admin/newsletter/bearbeiten/{created.Id}?hinweis=gespeichert");
        }
        var before = await db.Campaigns.AsNoTracking().Where(c => c.Id == Id).Select(c => c.Subject + "\n\n" + c.BodyMarkdown).FirstOrDefaultAsync(ct);
        if (before is null) return NotFound();
        var updateErrors = await control.UpdateAsync(Id.Value, draft, ct);
        if (updateErrors.Count > 0) return await InvalidAsync(updateErrors, ct);
        await audience.SetTopicsAsync(Id.Value, Input.Topics, ct);
        await audit.RecordAsync(Actor, "campaign.update", $"Newsletter {Id}", before, draft.Subject + "\n\n" + draft.BodyMarkdown, ct);
        return Redirect($"/admin/newsletter/bearbeiten/{Id}?hinweis=gespeichert");
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (Id is null) return NotFound();
        if (!EmailAddress.TryNormalize(Input.TestAddress, out var address, out var error)) return await InvalidAsync("TestAddress", error, ct);
        if (!await control.TestSendAsync(Id.Value, address, BaseUrl, ct)) return NotFound();
        // The test address is a person's: the log holds its key, never the address.
        await audit.RecordAsync(Actor, "campaign.test", $"Newsletter {Id}", null, await audit.PersonAsync(EmailAddress.Normalize(address), ct), ct);
        return Redirect($"/admin/newsletter/bearbeiten/{Id}?hinweis=test");
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (Id is null) return NotFound();
        var recipients = await control.StartAsync(Id.Value, BaseUrl, ct);
        if (recipients is null) return Redirect($"/admin/newsletter/versand/{Id}");
        await audit.RecordAsync(Actor, "campaign.send", $"Newsletter {Id}", null, $"{recipients} Empfänger", ct);
        return Redirect($"/admin/newsletter/versand/{Id}");
    }

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (Id is null) return NotFound();
        var at = ArticleEditor.ParseBerlin(Input.Date, Input.Time, out var error);
        if (at is null) return await InvalidAsync("Date", error ?? "Bitte geben Sie Datum und Uhrzeit an.", ct);
        if (at <= clock.GetUtcNow().UtcDateTime) return await InvalidAsync("Date", "Der Zeitpunkt liegt in der Vergangenheit. Für sofort: „Jetzt senden“.", ct);
        if (!await control.ScheduleAsync(Id.Value, at.Value, ct)) return Redirect($"/admin/newsletter/versand/{Id}");
        await audit.RecordAsync(Actor, "campaign.schedule", $"Newsletter {Id}", null, $"{BerlinTime.Date(at.Value)} {BerlinTime.Time(at.Value)}", ct);
        return Redirect($"/admin/newsletter/bearbeiten/{Id}?hinweis=geplant");
    }

    private string Actor => User.Identity?.Name ?? "?";
    private string BaseUrl => SiteUrls.BaseUrl(site.Value, Request);

    private async Task LoadAudienceAsync(CancellationToken ct)
    {
        foreach (var topic in await topics.ActiveAsync(ct)) TopicChoices.Add((topic, await audience.CountAsync([topic.Id], ct)));
        Recipients = await audience.CountAsync(Input.Topics, ct);
    }

    private async Task<IActionResult> InvalidAsync(Dictionary<string, string> errors, CancellationToken ct)
    {
        await LoadAudienceAsync(ct);
        return Invalid(errors);
    }

    private IActionResult Invalid(Dictionary<string, string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>An error on one of the action forms: show the saved campaign again with the message.</summary>
    private async Task<IActionResult> InvalidAsync(string field, string message, CancellationToken ct)
    {
        Campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (Campaign is null) return NotFound();
        var (test, date, time) = (Input.TestAddress, Input.Date, Input.Time);
        Input = new Form { Subject = Campaign.Subject, Preheader = Campaign.Preheader, BodyMarkdown = Campaign.BodyMarkdown, IncludeDigest = Campaign.IncludeDigest, TestAddress = test, Date = date, Time = time };
        Input.Topics = [.. await audience.TopicsOfAsync(Campaign.Id, ct)];
        await LoadAudienceAsync(ct);
        return Invalid(new Dictionary<string, string> { [field] = message });
    }
}
