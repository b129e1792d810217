using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Everything a person (admin page, API, operator command) does with a campaign. Each status change is one guarded
/// UPDATE (<c>WHERE Status = expected</c>), so two clicks or two instances cannot both win.
/// </summary>
public sealed class CampaignControl(GoldfederDb db, CampaignMail mails, Outbox outbox, CampaignSignal signal, TimeProvider clock)
{
    public sealed record Draft(string? Subject, string? Preheader, string? BodyMarkdown, bool IncludeDigest);

    /// <summary>German messages by field name; empty when the draft is fine.</summary>
    public static Dictionary<string, string> Validate(Draft d)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.Subject)) errors["Subject"] = "Bitte geben Sie einen Betreff ein.";
        else if (d.Subject.Trim().Length > 200) errors["Subject"] = "Der Betreff darf höchstens 200 Zeichen lang sein.";
        else if (d.Subject.Any(char.IsControl)) errors["Subject"] = "Der Betreff darf keine Zeilenumbrüche oder Steuerzeichen enthalten.";
        if (d.Preheader is { Length: > 200 }) errors["Preheader"] = "Der Vorschautext darf höchstens 200 Zeichen lang sein.";
        else if (d.Preheader?.Any(char.IsControl) == true) errors["Preheader"] = "Der Vorschautext darf keine Zeilenumbrüche oder Steuerzeichen enthalten.";
        if (string.IsNullOrWhiteSpace(d.BodyMarkdown)) errors["BodyMarkdown"] = "Bitte schreiben Sie den Text des Newsletters.";
        else if (d.BodyMarkdown.Length > 200_000) errors["BodyMarkdown"] = "Der Text ist zu lang (höchstens 200.000 Zeichen).";
        return errors;
    }

    public async Task<(Campaign? Campaign, Dictionary<string, string> Errors)> CreateAsync(Draft d, CancellationToken ct)
    {
        var errors = Validate(d);
        if (errors.Count > 0) return (null, errors);
        var campaign = new Campaign
        {
            Subject = d.Subject!.Trim(), Preheader = Blank(d.Preheader), BodyMarkdown = d.BodyMarkdown!, IncludeDigest = d.IncludeDigest,
            Status = CampaignStatus.Draft, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return (campaign, errors);
    }

    public async Task<Dictionary<string, string>> UpdateAsync(int id, Draft d, CancellationToken ct)
    {
        var errors = Validate(d);
        if (errors.Count > 0) return errors;
        var changed = await db.Campaigns.Where(c => c.Id == id && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Subject, d.Subject!.Trim())
                .SetProperty(c => c.Preheader, Blank(d.Preheader))
                .SetProperty(c => c.BodyMarkdown, d.BodyMarkdown!)
                .SetProperty(c => c.IncludeDigest, d.IncludeDigest), ct);
        if (changed == 0) errors[""] = "Dieser Newsletter wird schon versandt und kann nicht mehr geändert werden.";
        return errors;
    }

    public async Task<bool> ScheduleAsync(int id, DateTime atUtc, CancellationToken ct)
    {
        return await db.Campaigns.Where(c => c.Id == id && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Scheduled).SetProperty(c => c.ScheduledForUtc, atUtc), ct) == 1;
    }

    /// <summary>
    /// Starts the send: freezes the rendering and creates one delivery per subscriber confirmed at this moment and not
    /// suppressed, all in one transaction with the status change. Returns the number of recipients, or null when the
    /// campaign is not a draft or scheduled one.
    /// </summary>
    public async Task<int?> StartAsync(int id, string baseUrl, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || !campaign.CanEdit) return null;
        var digest = campaign.IncludeDigest ? await DigestAsync(campaign.Id, baseUrl, ct) : [];
        var (html, text) = mails.Render(campaign, digest, baseUrl);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var started = await db.Campaigns.Where(c => c.Id == id && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, CampaignStatus.Sending)
                .SetProperty(c => c.StartedAtUtc, now)
                .SetProperty(c => c.BaseUrl, baseUrl.TrimEnd('/'))
                .SetProperty(c => c.RenderedHtml, html)
                .SetProperty(c => c.RenderedText, text), ct);
        if (started == 0) return null;
        var recipients = await CampaignsSql.InsertAudienceDeliveries.ExecuteAsync(db, ct, id, nameof(DeliveryStatus.Pending), now, nameof(SubscriberStatus.Confirmed));
        await tx.CommitAsync(ct);
        signal.Wake();
        return recipients;
    }

    public Task<bool> PauseAsync(int id, CancellationToken ct) => MoveAsync(id, CampaignStatus.Sending, CampaignStatus.Paused, ct);

    public async Task<bool> ResumeAsync(int id, CancellationToken ct)
    {
        var resumed = await MoveAsync(id, CampaignStatus.Paused, CampaignStatus.Sending, ct);
        if (resumed) signal.Wake();
        return resumed;
    }

    /// <summary>Stops for good: nothing more goes out; the deliveries not yet sent are marked skipped.</summary>
    public async Task<bool> CancelAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Campaigns
            .Where(c => c.Id == id && c.Status != CampaignStatus.Sent && c.Status != CampaignStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Cancelled).SetProperty(c => c.FinishedAtUtc, now), ct);
        if (cancelled == 0) return false;
        await db.Deliveries.Where(d => d.CampaignId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Skipped).SetProperty(d => d.LastError, "Versand abgebrochen"), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Sends again only to the deliveries that failed temporarily; refused (bounced) ones stay refused.</summary>
    public async Task<int> RetryFailedAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || campaign.Status is not (CampaignStatus.Sent or CampaignStatus.Sending or CampaignStatus.Paused)) return 0;
        var retried = await db.Deliveries.Where(d => d.CampaignId == id && d.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAtUtc, now), ct);
        if (retried > 0)
            await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Sent)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Sending).SetProperty(c => c.FinishedAtUtc, (DateTime?)null), ct);
        await tx.CommitAsync(ct);
        signal.Wake();
        return retried;
    }

    /// <summary>A test send to one address, through the outbox, rendered as the recipients will get it (the withdrawal link is a dummy).</summary>
    public async Task<bool> TestSendAsync(int id, string address, string baseUrl, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return false;
        if (campaign.RenderedHtml is null)
        {
            var digest = campaign.IncludeDigest ? await DigestAsync(campaign.Id, baseUrl, ct) : [];
            (campaign.RenderedHtml, campaign.RenderedText) = mails.Render(campaign, digest, baseUrl);
        }
        var message = mails.For(campaign, address, $"{baseUrl.TrimEnd('/')}/newsletter/abmelden?token=test");
        message.Subject = "[Test] " + message.Subject;
        outbox.Add(message);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The articles published since the previous campaign started, newest first, at most ten; for the first campaign the newest five.</summary>
    public async Task<List<CampaignMail.DigestArticle>> DigestAsync(int campaignId, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = await db.Campaigns.Where(c => c.Id != campaignId && c.StartedAtUtc != null).MaxAsync(c => c.StartedAtUtc, ct);
        var articles = await db.Articles.Published()
            .Where(a => (since == null || a.PublishedAtUtc > since) && a.PublishedAtUtc <= now)
            .OrderByDescending(a => a.PublishedAtUtc).Take(since == null ? 5 : 10)
            .Select(a => new { a.Title, a.Lead, a.Slug })
            .ToListAsync(ct);
        return articles.Select(a => new CampaignMail.DigestArticle(a.Title, a.Lead, $"{baseUrl.TrimEnd('/')}/news/{a.Slug}")).ToList();
    }

    private async Task<bool> MoveAsync(int id, CampaignStatus from, CampaignStatus to, CancellationToken ct)
    {
        return await db.Campaigns.Where(c => c.Id == id && c.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, to).SetProperty(c => c.PauseReason, (string?)null), ct) == 1;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
