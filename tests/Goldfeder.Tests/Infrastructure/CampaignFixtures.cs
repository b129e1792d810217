using System.Text;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Infrastructure;

public static class CampaignFixtures
{
    /// <summary>Settings for quick sends in tests: short polls, leases and retries.</summary>
    public static Dictionary<string, string?> Quick(TestSmtpServer smtp, params (string Key, string Value)[] more)
    {
        var settings = smtp.Settings();
        settings["Campaigns:PollInterval"] = "00:00:00.100";
        settings["Campaigns:RetryBase"] = "00:00:00.100";
        settings["Campaigns:RetryMax"] = "00:00:00.500";
        settings["Campaigns:Concurrency"] = "4";
        settings["Mail:RelayRetryBase"] = "00:00:00.100";
        settings["Mail:RelayRetryMax"] = "00:00:00.300";
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    public static string Address(int i) => $"kunde{i:D6}@example.de";

    public static string Csv(int count, int from = 0)
    {
        var csv = new StringBuilder("address,consent_time,source\n");
        for (var i = from; i < from + count; i++) csv.Append(Address(i)).Append(",2025-03-01T10:00:00Z,Webshop\n");
        return csv.ToString();
    }

    public static async Task<SubscriberImport.Result> ImportAsync(this GoldfederApp app, string csv, string file = "kunden.csv") =>
        await app.InScopeAsync(sp => sp.GetRequiredService<SubscriberImport>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), file, default));

    public static async Task<int> CreateCampaignAsync(this GoldfederApp app, string subject = "Goldpreis im Blick", string body = "## Neues\n\nDer Goldpreis steigt.", bool digest = false)
    {
        var (campaign, errors) = await app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>()
            .CreateAsync(new CampaignControl.Draft(subject, "Kurz gesagt", body, digest), default));
        Assert.Empty(errors);
        return campaign!.Id;
    }

    public static Task<int?> StartAsync(this GoldfederApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>().StartAsync(id, "http://localhost", default));

    public static Task<CampaignProgress> ProgressAsync(this GoldfederApp app, int id) =>
        app.InScopeAsync(async sp => (await CampaignProgress.OfAsync(sp.GetRequiredService<GoldfederDb>(), id, TimeProvider.System, default))!);

    /// <summary>Waits until the campaign reaches the status (at most 60 s).</summary>
    public static Task<CampaignProgress> WaitForStatusAsync(this GoldfederApp app, int id, CampaignStatus status) =>
        Eventually.ValueAsync(() => app.ProgressAsync(id), p => p.Status == status.ToString(), TimeSpan.FromSeconds(60),
            p => $"campaign {id} did not become {status}; it is {p.Status}: {p}");

    /// <summary>
    /// Waits until no delivery of the campaign is in flight: a claimed delivery carries its lease's end as its next attempt
    /// until the sender records what the server said (sent, refused, tried again later, or back to now if untried).
    /// After that, whatever a pause or cancel let through has arrived and been counted.
    /// </summary>
    public static Task WaitUntilNothingInFlightAsync(this GoldfederApp app, int id) =>
        Eventually.ValueAsync(() => app.InScopeAsync(sp =>
            {
                var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                return sp.GetRequiredService<GoldfederDb>().Deliveries.CountAsync(d => d.CampaignId == id
                    && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Skipped) && d.NextAttemptAtUtc > now);
            }), inFlight => inFlight == 0, Eventually.Soon, inFlight => $"{inFlight} deliveries of campaign {id} are still in flight");

    /// <summary>
    /// One pass of a second sender, as another instance of the site would run it beside this one's: the deliveries it
    /// handled. Zero means that nothing is due for any sender; the real signal for "nothing more goes out".
    /// </summary>
    public static async Task<int> AnotherSendersPassAsync(this GoldfederApp app)
    {
        using var sender = ActivatorUtilities.CreateInstance<CampaignSender>(app.Services);
        return await sender.PassAsync(default);
    }

    public static Task<List<Delivery>> DeliveriesAsync(this GoldfederApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<GoldfederDb>().Deliveries.AsNoTracking().Where(d => d.CampaignId == id).ToListAsync());

    public static List<MimeKit.MimeMessage> CampaignMails(this TestSmtpServer smtp, string subject = "Goldpreis im Blick") =>
        smtp.Received.Where(m => m.Subject == subject).ToList();

    /// <summary>Waits until at least <paramref name="count"/> mails of the campaign have arrived.</summary>
    public static Task<List<MimeKit.MimeMessage>> WaitForCampaignMailsAsync(this TestSmtpServer smtp, int count, string subject = "Goldpreis im Blick") =>
        smtp.WaitForSubjectAsync(subject, count);
}
