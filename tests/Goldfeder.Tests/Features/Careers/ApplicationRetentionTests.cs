using Goldfeder.Mail;
using Goldfeder.Common;
using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

public sealed class ApplicationRetentionTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;
    private readonly string _files;

    public ApplicationRetentionTests()
    {
        var (settings, folder) = CareersFixtures.Settings(_smtp.Settings());
        _files = folder;
        _app = GoldfederApp.With(settings).WithFakeClock();
    }

    [Fact]
    public async Task Applications_past_their_period_disappear_with_their_files_and_mails_and_those_within_it_stay()
    {
        foreach (var (who, slug) in new[] { ("abgesagt-alt", Advisor), ("abgesagt-neu", Advisor), ("offen", Advisor), ("stelle-geschlossen", Vault), ("stelle-abgelaufen", Vault) })
        {
            if (who == "stelle-abgelaufen") await SetPostingAsync(Vault, p => p.SetProperty(x => x.Status, PostingStatus.Published));
            Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(slug, Form(name: $"Person {who}", email: $"{who}@example.de"))).StatusCode);
            await _smtp.WaitForAsync($"{who}@example.de");
        }
        var all = (await _app.ApplicationsAsync()).ToDictionary(a => a.Email.Split('@')[0]);
        var now = _app.Clock!.GetUtcNow().UtcDateTime;
        await SetApplicationAsync(all["abgesagt-alt"].Id, ApplicationStatus.Rejected, now.AddMonths(-6).AddDays(-1));
        await SetApplicationAsync(all["abgesagt-neu"].Id, ApplicationStatus.Rejected, now.AddMonths(-5));
        // The vault posting was closed seven months ago; then, for the last applicant, its end date lies seven months back.
        await SetPostingAsync(Vault, p => p.SetProperty(x => x.Status, PostingStatus.Closed).SetProperty(x => x.ClosedAtUtc, now.AddMonths(-7)));
        var expiredPosting = await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var ended = new JobPosting
            {
                Slug = "abgelaufen",
                Title = "Abgelaufen",
                Location = "Boxberg",
                Teaser = "t",
                DescriptionMarkdown = "d",
                Status = PostingStatus.Published,
                PublishedAtUtc = now.AddMonths(-9),
                ValidThroughUtc = now.AddMonths(-7),
            };
            db.JobPostings.Add(ended);
            await db.SaveChangesAsync();
            await db.Applications.Where(a => a.Id == all["stelle-abgelaufen"].Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.JobPostingId, ended.Id));
            return ended.Id;
        });
        Assert.Equal(5, StoredFiles(_files).Length);

        // The job's next pass, one interval on the site's clock later, deletes the three whose period is over.
        _app.Clock.Advance(RetentionInterval(_app));
        var left = await Eventually.ValueAsync(() => _app.ApplicationsAsync(), l => l.Count <= 2, Eventually.Soon,
            l => $"the retention job did not delete the expired applications; {l.Count} left");
        Assert.Equal(["abgesagt-neu", "offen"], left.Select(a => a.Email.Split('@')[0]).Order());
        var keptFiles = left.SelectMany(a => a.Files).Select(f => Path.Combine(_files, f.StoredName)).Order();
        Assert.Equal(keptFiles, StoredFiles(_files).Order());
        var gone = new[] { all["abgesagt-alt"], all["stelle-geschlossen"], all["stelle-abgelaufen"] };
        Assert.All(gone.SelectMany(a => a.Files), f => Assert.False(File.Exists(Path.Combine(_files, f.StoredName))));

        // The mails that named them are gone too; the others' stay.
        var mails = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().OutboxMails.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(mails, m => gone.Any(a => a.ConfirmationMailId == m.Id || a.NotificationMailId == m.Id));
        Assert.Contains(mails, m => m.Id == left[0].ConfirmationMailId);

        // The audit log knows how many and which ids, and nothing personal.
        var audit = Assert.Single(await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "application.retention-delete").ToListAsync()));
        Assert.Equal("system", audit.Actor);
        Assert.Contains("\"count\":3", audit.After);
        foreach (var a in gone) Assert.Contains(a.Id.ToString(), audit.After);
        Assert.DoesNotContain("@", audit.Subject + audit.After);
        Assert.DoesNotContain("Person", audit.Subject + audit.After);

        // A second pass finds nothing more.
        var retention = _app.Services.GetServices<IHostedService>().OfType<ApplicationRetention>().Single();
        Assert.Equal(0, await retention.DeleteExpiredAsync(default));
        Assert.NotEqual(0, expiredPosting);
    }

    [Fact]
    public async Task Hr_can_delete_an_application_at_once_on_request_with_its_files()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, Form(email: "loeschen@example.de"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, Form(email: "bleiben@example.de"))).StatusCode);
        var doomed = (await _app.ApplicationsAsync()).Single(a => a.Email == "loeschen@example.de");
        var hr = await _app.StaffAsync("HR");
        var url = $"/admin/karriere/bewerbung/{doomed.Id}";
        var token = AdminFixtures.TokenIn(await hr.GetStringAsync(url));

        // Without the tick, nothing happens.
        var unconfirmed = await hr.PostAsync(url + "?handler=Delete", AdminFixtures.Form(token));
        Assert.Equal($"{url}?bestaetigen=true", unconfirmed.Headers.Location?.OriginalString);
        Assert.Equal(2, (await _app.ApplicationsAsync()).Count);

        var deleted = await hr.PostAsync(url + "?handler=Delete", AdminFixtures.Form(token, ("bestaetigt", "true")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("bleiben@example.de", Assert.Single(await _app.ApplicationsAsync()).Email);
        Assert.False(File.Exists(Path.Combine(_files, doomed.Files[0].StoredName)));
        Assert.Single(StoredFiles(_files));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/admin/karriere/anhang/{doomed.Files[0].Id}")).StatusCode);
        var audit = Assert.Single(await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "application.delete").ToListAsync()));
        Assert.Equal($"Bewerbung #{doomed.Id}", audit.Subject);
        Assert.DoesNotContain("loeschen@", audit.After);
    }

    [Fact]
    public async Task The_period_is_configurable()
    {
        var (settings, folder) = CareersFixtures.Settings(new() { ["Careers:RetentionMonths"] = "1" });
        await using var app = GoldfederApp.With(settings).WithFakeClock();
        Assert.Equal(HttpStatusCode.Redirect, (await app.ApplyAsync(Advisor, Form())).StatusCode);
        var application = Assert.Single(await app.ApplicationsAsync());
        await app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Applications.ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Status, ApplicationStatus.Rejected).SetProperty(a => a.ClosedAtUtc, app.Clock!.GetUtcNow().UtcDateTime)));

        // Four weeks after the rejection it stays (no month is shorter); 32 days and an interval on, the job has deleted it.
        app.Clock!.Advance(TimeSpan.FromDays(27));
        var retention = app.Services.GetServices<IHostedService>().OfType<ApplicationRetention>().Single();
        Assert.Equal(0, await retention.DeleteExpiredAsync(default));
        app.Clock.Advance(TimeSpan.FromDays(5) + RetentionInterval(app));
        await Eventually.TrueAsync(async () => (await app.ApplicationsAsync()).Count == 0, Eventually.Soon,
            "the retention job did not delete an application rejected more than the configured month ago");
        Assert.Empty(StoredFiles(folder));
        Assert.NotEqual(0, application.Id);
        Directory.Delete(folder, true);
    }

    private static TimeSpan RetentionInterval(GoldfederApp app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CareersOptions>>().Value.RetentionInterval;

    private Task SetPostingAsync(string slug, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JobPosting>> set) =>
        _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == slug).ExecuteUpdateAsync(set));

    private Task SetApplicationAsync(int id, ApplicationStatus status, DateTime closedAt) =>
        _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, status).SetProperty(a => a.ClosedAtUtc, closedAt)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}
