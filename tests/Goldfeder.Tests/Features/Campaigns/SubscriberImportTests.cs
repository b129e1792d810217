using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Campaigns;

public sealed class SubscriberImportTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    [Fact]
    public async Task Each_row_becomes_a_confirmed_subscriber_with_an_imported_event_naming_file_and_line()
    {
        var result = await _app.ImportAsync("""
            address,consent_time,source
            Anna@Example.de,2025-03-01T10:00:00Z,Webshop-Kasse
            bernd@bücher.example,01.03.2025 11:30,Messe München
            anna@example.de,2025-03-02T10:00:00Z,doppelt
            """, "altliste.csv");
        Assert.Equal((2, 1, false), (result.Imported, result.DuplicatesInFile, result.Refused));

        var anna = (await _app.SubscriberAsync("anna@example.de"))!;
        Assert.Equal(SubscriberStatus.Confirmed, anna.Status);
        Assert.Equal(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc), anna.ConfirmedAtUtc);
        var annaEvent = (await _app.EventsAsync(anna.Id)).Single();
        Assert.Equal(ConsentEventKind.Imported, annaEvent.Kind);
        Assert.StartsWith("import altliste.csv:2;", annaEvent.Detail);
        Assert.Equal("Webshop-Kasse", annaEvent.SourcePage);
        Assert.NotNull(annaEvent.ConsentTextId);

        var bernd = (await _app.SubscriberAsync("bernd@xn--bcher-kva.example"))!;
        Assert.Equal(new DateTime(2025, 3, 1, 10, 30, 0, DateTimeKind.Utc), bernd.ConfirmedAtUtc); // Berlin, UTC+1 in March
        Assert.StartsWith("import altliste.csv:3;", (await _app.EventsAsync(bernd.Id)).Single().Detail);
    }

    [Fact]
    public async Task One_invalid_row_refuses_the_whole_file_with_line_numbers_and_imports_nothing()
    {
        var result = await _app.ImportAsync("""
            address,consent_time,source
            gut@example.de,2025-03-01T10:00:00Z,Webshop
            kein-at-zeichen,2025-03-01T10:00:00Z,Webshop
            auch-gut@example.de,gestern,Webshop
            """);
        Assert.True(result.Refused);
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("Zeile 3:", result.Errors[0]);
        Assert.StartsWith("Zeile 4:", result.Errors[1]);
        Assert.Null(await _app.SubscriberAsync("gut@example.de"));
    }

    [Fact]
    public async Task Withdrawn_and_erased_addresses_are_not_brought_back_by_an_import()
    {
        await _app.ImportAsync(CampaignFixtures.Csv(2));
        var withdrawn = (await _app.SubscriberAsync(CampaignFixtures.Address(0)))!;
        await _app.InScopeAsync(sp => sp.GetRequiredService<Withdrawal>().WithdrawAsync(withdrawn.Id, "test", new Requester(null, null, null, "http://localhost"), default));
        await _app.InScopeAsync(sp => sp.GetRequiredService<ConsentLedger>().EraseAsync(CampaignFixtures.Address(1), "test", default));

        var again = await _app.ImportAsync(CampaignFixtures.Csv(3));
        Assert.Equal((1, 1, 1), (again.Imported, again.AlreadyKnown, again.Erased));
        Assert.Equal(SubscriberStatus.Withdrawn, (await _app.SubscriberAsync(CampaignFixtures.Address(0)))!.Status);
        Assert.Null(await _app.SubscriberAsync(CampaignFixtures.Address(1)));
    }

    [Fact]
    public async Task Two_hundred_thousand_rows_import_in_one_go()
    {
        var result = await _app.ImportAsync(CampaignFixtures.Csv(200_000));
        Assert.Equal(200_000, result.Imported);
        var (subscribers, events) = await _app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GoldfederDb>();
            return (await db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed), await db.ConsentEvents.CountAsync(e => e.Kind == ConsentEventKind.Imported));
        });
        Assert.Equal((200_000, 200_000), (subscribers, events));
    }

    [Fact]
    public async Task The_operator_command_reports_bad_lines_and_refuses()
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "a@example.de,2025-01-01T00:00:00Z,x\nkaputt,2025-01-01T00:00:00Z,x\n");
        try
        {
            var (code, _) = await _app.RunCommandAsync("subscribers", "import", file);
            Assert.Equal(1, code);
            Assert.Null(await _app.SubscriberAsync("a@example.de"));
            await File.WriteAllTextAsync(file, "a@example.de,2025-01-01T00:00:00Z,x\n");
            var (ok, output) = await _app.RunCommandAsync("subscribers", "import", file);
            Assert.Equal(0, ok);
            Assert.Contains("imported: 1", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
