using System.Text;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    public static Task<List<Delivery>> DeliveriesAsync(this GoldfederApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<GoldfederDb>().Deliveries.AsNoTracking().Where(d => d.CampaignId == id).ToListAsync());

    public static List<MimeKit.MimeMessage> CampaignMails(this TestSmtpServer smtp, string subject = "Goldpreis im Blick") =>
        smtp.Received.Where(m => m.Subject == subject).ToList();

    /// <summary>Waits until at least <paramref name="count"/> mails of the campaign have arrived.</summary>
    public static Task<List<MimeKit.MimeMessage>> WaitForCampaignMailsAsync(this TestSmtpServer smtp, int count, string subject = "Goldpreis im Blick") =>
        smtp.WaitForSubjectAsync(subject, count);
}
