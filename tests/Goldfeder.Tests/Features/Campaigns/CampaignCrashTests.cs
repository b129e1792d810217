using System.Diagnostics;
using Goldfeder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>The sending process is killed (SIGKILL) in the middle of a send and started again, as an operator would.</summary>
public sealed class CampaignCrashTests(ITestOutputHelper log)
{
    private const int Recipients = 2000;
    private const int BatchSize = 100;

    [Fact]
    public async Task Killed_mid_send_and_restarted_every_recipient_gets_the_mail_and_duplicates_stay_within_the_batch_in_flight()
    {
        await using var smtp = new TestSmtpServer();
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            int campaign;
            await using (var app = GoldfederApp.With([], database))
            {
                await app.ImportAsync(CampaignFixtures.Csv(Recipients));
                campaign = await app.CreateCampaignAsync();
            }

            using (var first = Start(database, smtp, campaign))
            {
                await Eventually.TrueAsync(() => smtp.CampaignMails().Count >= Recipients / 3 || first.HasExited, TimeSpan.FromSeconds(60),
                    $"the sending process did not get a third of the way ({smtp.CampaignMails().Count} of {Recipients} mails)");
                if (first.HasExited) Assert.Fail("the send ended before it could be killed: " + await first.StandardError.ReadToEndAsync());
                first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no cleanup
                await Eventually.WithinAsync(first.WaitForExitAsync(), TimeSpan.FromSeconds(10), "the killed sending process did not exit");
            }
            var beforeRestart = smtp.CampaignMails().Count;
            log.WriteLine($"killed after {beforeRestart} mails");
            Assert.InRange(beforeRestart, Recipients / 3, Recipients - 1);

            using (var second = Start(database, smtp, campaign))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                var output = await second.StandardOutput.ReadToEndAsync(timeout.Token);
                await second.WaitForExitAsync(timeout.Token);
                Assert.True(second.ExitCode == 0, output + await second.StandardError.ReadToEndAsync());
                Assert.Contains($"sent: {Recipients} sent", output);
            }

            var mails = smtp.CampaignMails();
            var perRecipient = mails.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Recipients, perRecipient.Count);
            var duplicates = mails.Count - perRecipient.Count;
            log.WriteLine($"killed after {beforeRestart} mails; {duplicates} duplicates after the restart (in flight at most {BatchSize})");
            Assert.InRange(duplicates, 0, BatchSize);
        }, migrated: true);
    }

    private static Process Start(string database, TestSmtpServer smtp, int campaign)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Goldfeder.dll"));
        foreach (var a in new[] { "campaigns", "send", campaign.ToString() }) start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = GoldfederApp.Provider;
        start.Environment["ConnectionStrings__Goldfeder"] = database;
        foreach (var (key, value) in CampaignFixtures.Quick(smtp,
            ("Campaigns:BatchSize", BatchSize.ToString()), ("Campaigns:MessagesPerSecond", "400"), ("Campaigns:Lease", "00:00:02")))
            start.Environment[key.Replace(":", "__")] = value;
        return Process.Start(start)!;
    }
}
