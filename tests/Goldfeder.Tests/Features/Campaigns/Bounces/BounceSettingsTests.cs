using Goldfeder.Tests.Features.Site;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

public sealed class BounceSettingsTests
{
    [Fact]
    public async Task Production_refuses_the_tests_certificate_file_placeholder_passwords_and_a_local_return_path()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var settings = new Dictionary<string, string> { ["Site__BaseUrl"] = "https://www.kettner-edelmetalle.de" };
            settings["Bounces__Sns__CertificateFile"] = "/tmp/sns.pem";
            settings["Bounces__Postmark__Password"] = "change-me";
            settings["Bounces__Imap__Host"] = "imap.example.org";
            settings["Bounces__Imap__Security"] = "None";
            settings["Bounces__ReturnPath"] = "bounces@localhost";
            var (code, error) = await ProductionStartTests.StartAndStopAsync(database, settings);

            Assert.Equal(1, code);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("Goldfeder cannot start:")).ToList();
            Assert.Contains(lines, l => l.Contains("Bounces:Sns:CertificateFile is for tests only"));
            Assert.Contains(lines, l => l.Contains("Bounces:Postmark:Password"));
            Assert.Contains(lines, l => l.Contains("Bounces:Imap:Password is missing"));
            Assert.Contains(lines, l => l.Contains("Bounces:Imap:Security is None"));
            Assert.Contains(lines, l => l.Contains("Bounces:ReturnPath"));
        });
    }
}
