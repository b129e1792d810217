using System.Net;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Careers;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Data;

/// <summary>
/// SQLite's single-writer rule, enforced by <see cref="WriteGateInterceptor"/> for every write. The
/// <see cref="GateWitness"/> watches SQLite itself (its update hook), so a write that bypasses the gate in any way,
/// through EF Core or not, is seen. These tests run on SQLite whatever the suite's provider is.
/// </summary>
public sealed class WriteGateTests : IAsyncLifetime
{
    private static readonly Requester Nobody = new(null, null, null, "http://localhost");
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task Every_row_the_site_writes_on_SQLite_is_written_while_its_connection_holds_the_write_gate()
    {
        var (settings, folder) = CareersFixtures.Settings(CampaignFixtures.Quick(_smtp));
        await using var app = new WitnessedSqliteApp(settings);

        // Signup, confirmation and one-click withdrawal: the group commit, the outbox sender, the ledger.
        var withdrawUrl = await app.ConfirmedAsync(_smtp, "leserin@example.de");
        var oneClick = await app.Browser().PostAsync(PathOf(withdrawUrl), new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);

        // An import, and a campaign sent to it with one address refused for good (a suppression).
        _smtp.Refused[CampaignFixtures.Address(3)] = true;
        Assert.Equal(50, (await app.ImportAsync(CampaignFixtures.Csv(50))).Imported);
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);

        // Staff: an account (Identity), a failed login (the lockout counter), a good one (cookie and antiforgery keys).
        Assert.Equal(0, (await app.CreateAccountAsync("chefin@example.de", "Admin", "Richtig-Passwort-123")).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await AdminFixtures.TryLogInAsync(app.NewBrowser(), "chefin@example.de", "Falsch-Passwort-123")).StatusCode);
        var admin = await app.LoggedInAsync("chefin@example.de", "Richtig-Passwort-123");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);

        // An application and its deletion with the audit entry.
        Assert.Equal(HttpStatusCode.Redirect, (await app.ApplyAsync(CareersFixtures.Advisor, CareersFixtures.Form())).StatusCode);
        var applicationId = (await app.ApplicationsAsync()).Single().Id;
        await app.InScopeAsync(sp => sp.GetRequiredService<ApplicationDeletion>().DeleteAsync([applicationId], "test", "application.delete", "Bewerbung", default));

        // The background jobs: the scheduler and the cleaner of unconfirmed signups.
        await app.InScopeAsync(sp => sp.GetRequiredService<ArticleSaver>().SaveAsync(new Article
        {
            Slug = "faellig", Title = "Fällig", Lead = "Vorspann.", BodyMarkdown = "Text.", Status = ArticleStatus.Scheduled, PublishedAtUtc = DateTime.UtcNow.AddSeconds(-1),
        }));
        Assert.Equal(1, await Hosted<ScheduledPublisher>(app).PublishDueAsync(default));
        await app.SignUpAsync("vergessen@example.de");
        await _smtp.WaitForAsync("vergessen@example.de");
        await app.InScopeAsync(sp => sp.GetRequiredService<GoldfederDb>().Subscribers.Where(s => s.NormalizedEmail == "vergessen@example.de")
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAtUtc, DateTime.UtcNow.AddDays(-31))));
        Assert.Equal(1, await Hosted<UnconfirmedSignupCleaner>(app).DeleteExpiredAsync(default));

        Assert.Empty(app.Witness.Unguarded);
        string[] tables =
        [
            "__EFMigrationsHistory", "Subscribers", "ConsentEvents", "ConsentTexts", "Secrets", "OutboxMails", "Campaigns", "Deliveries",
            "Suppressions", "AspNetUsers", "AspNetRoles", "DataProtectionKeys", "Applications", "AuditEntries", "Articles",
        ];
        Assert.All(tables, table => Assert.True(app.Witness.RowsByTable.ContainsKey(table), $"no row of {table} was written: the test drove less than it claims"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Many_writers_of_every_kind_at_once_all_finish_and_none_writes_without_the_gate()
    {
        var settings = CampaignFixtures.Quick(_smtp, ("Newsletter:SignupsPerIpPerWindow", "1000000"));
        await using var app = new WitnessedSqliteApp(settings);
        Assert.Equal(300, (await app.ImportAsync(CampaignFixtures.Csv(300))).Imported);
        var toWithdraw = await app.InScopeAsync(sp => sp.GetRequiredService<GoldfederDb>().Subscribers.OrderBy(s => s.Id).Select(s => s.Id).Take(30).ToListAsync());
        var campaign = await app.CreateCampaignAsync();

        var work = new List<Task>();
        work.AddRange(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            Assert.Equal(HttpStatusCode.Redirect, (await app.SignUpAsync($"parallel{i}@example.de")).StatusCode))));
        work.AddRange(Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
            Assert.Equal(200, (await app.ImportAsync(CampaignFixtures.Csv(200, 1000 + i * 200), $"teil{i}.csv")).Imported))));
        work.AddRange(toWithdraw.Select(id => Task.Run(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<Withdrawal>().WithdrawAsync(id, "test", Nobody, default)))));
        work.Add(Task.Run(async () => Assert.NotNull(await app.StartAsync(campaign))));
        work.AddRange(Enumerable.Range(0, 10).Select(i => Task.Run(() => app.SaveArticleAsync($"parallel-{i}", $"Parallel {i}", DateTime.UtcNow.AddDays(-1)))));
        work.AddRange(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<AuditLog>().RecordAsync("test", "parallel", $"#{i}")))));
        work.AddRange(Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
            Assert.Equal(0, (await app.CreateAccountAsync($"staff{i}@example.de", "Editor", "Richtig-Passwort-123")).Code))));
        // DataProtection writes its keys synchronously: the blocking path through the gate.
        work.AddRange(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            app.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90)))));
        work.AddRange(Enumerable.Range(0, 5).Select(i => Task.Run(() => app.Services.GetRequiredService<Secrets>().GetAsync($"parallel-{i}"))));
        work.Add(Task.Run(() => Hosted<ScheduledPublisher>(app).PublishDueAsync(default)));
        work.Add(Task.Run(() => Hosted<UnconfirmedSignupCleaner>(app).DeleteExpiredAsync(default)));
        await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(120));

        // The workers that kept writing meanwhile finish too: the campaign is sent, every confirmation mail is out.
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        foreach (var i in Enumerable.Range(0, 200)) await _smtp.WaitForAsync($"parallel{i}@example.de");

        Assert.Empty(app.Witness.Unguarded);
        var (subscribers, withdrawn, keys, audit) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GoldfederDb>();
            return (await db.Subscribers.CountAsync(), await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Withdrawn),
                await db.DataProtectionKeys.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action == "parallel"));
        });
        Assert.Equal((300 + 1000 + 200, 30, 20), (subscribers, withdrawn, audit));
        Assert.True(keys >= 5, $"{keys} data-protection keys");
    }

    [Fact]
    public async Task Only_SQLite_has_a_write_gate()
    {
        await using var app = new GoldfederApp();
        Assert.Equal(GoldfederApp.Provider == "Sqlite", app.Services.GetService<WriteGate>() is not null);
    }

    private static T Hosted<T>(GoldfederApp app) => app.Services.GetServices<IHostedService>().OfType<T>().Single();

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _smtp.DisposeAsync().AsTask();
}
