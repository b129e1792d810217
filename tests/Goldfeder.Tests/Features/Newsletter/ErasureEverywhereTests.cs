using System.Data.Common;
using AngleSharp;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Privacy;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Newsletter;

/// <summary>
/// The auditor's test: one person goes through every feature that stores something about people, the officer erases
/// the address, and then every text and blob column of every table in the database (read from the database's own
/// catalog, not from our model) and every file in the upload folder is searched for the address, its local part, the
/// applicant's name and phone number. Before the erasure the same scan must find them, so a blind scan cannot pass.
/// </summary>
public sealed class ErasureEverywhereTests : IAsyncLifetime
{
    private const string Address = "ida.gruenwaldt.7731@example.de";
    private const string LocalPart = "ida.gruenwaldt.7731";
    private const string Name = "Ida Gruenwaldt";
    private const string Phone = "0151 98765432";
    private static readonly string[] Needles = [Address, LocalPart, Name, Phone];

    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;
    private readonly string _files;

    public ErasureEverywhereTests()
    {
        var (settings, folder) = CareersFixtures.Settings(CampaignFixtures.Quick(_smtp));
        _files = folder;
        _app = GoldfederApp.With(settings);
    }

    [Fact]
    public async Task After_erasure_no_table_column_or_uploaded_file_holds_the_address_the_name_or_the_phone()
    {
        // Signup and confirmation.
        await _app.ConfirmedAsync(_smtp, Address);
        // A campaign's test send to the address, by marketing on the admin page.
        var campaign = await _app.CreateCampaignAsync();
        var marketing = await _app.StaffAsync("Marketing");
        var editUrl = $"/admin/newsletter/bearbeiten/{campaign}";
        var test = await marketing.PostAsync($"{editUrl}?handler=Test", Form(TokenIn(await marketing.GetStringAsync(editUrl)), ("Input.TestAddress", Address)));
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        // The campaign itself.
        var sent = await _app.CreateCampaignAsync("Silber im Blick");
        await _app.StartAsync(sent);
        await _app.WaitForStatusAsync(sent, CampaignStatus.Sent);
        // An application with a CV that names the person, as a real one does.
        var cv = Pdf($"{Name}, {Phone}, {Address}");
        var applied = await _app.ApplyAsync(Advisor, CareersFixtures.Form(name: Name, email: Address, phone: Phone,
            files: [new Upload("lebenslauf", $"Lebenslauf {Name}.pdf", cv)]));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        // Confirmation, welcome, test send, campaign, application confirmation: all delivered, so nothing is in flight.
        await _smtp.WaitForAsync(Address, 5);

        // The officer looks the person up and finds every feature's part.
        var officer = await _app.StaffAsync("DataProtection");
        // The person's letter asking for erasure goes into the officer's request log.
        var recorded = await officer.PostAsync("/admin/datenschutz/anfragen/neu", Form(TokenIn(await officer.GetStringAsync("/admin/datenschutz/anfragen/neu")),
            ("Input.ReceivedOn", RequestDeadline.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.Kind", "Erasure"),
            ("Input.Channel", "Post"), ("Input.Name", Name), ("Input.Email", Address), ("Input.Note", $"Brief von {Name}, Tel. {Phone}")));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var token = TokenIn(await officer.GetStringAsync("/admin/datenschutz"));
        var lookup = await (await officer.PostAsync("/admin/datenschutz", Form(token, ("adresse", Address)))).Content.ReadAsStringAsync();
        foreach (var section in new[] { "Newsletter-Einwilligung", "Newsletter-Versand", "E-Mails an Sie", "Bewerbungen", "Protokoll der Verwaltung", "Ihre Anfragen an den Datenschutz" })
            Assert.Contains(section, lookup);

        var before = await ScanAsync();
        Assert.Contains(before, h => h.StartsWith("Subscribers."));
        Assert.Contains(before, h => h.StartsWith("Applications."));
        Assert.Contains(before, h => h.StartsWith("ApplicationFiles."));
        Assert.Contains(before, h => h.StartsWith("OutboxMails."));
        Assert.Contains(before, h => h.StartsWith("file "));
        Assert.Contains(before, h => h.StartsWith("SubjectRequests."));

        var erased = await officer.PostAsync("/admin/datenschutz?handler=Erase", Form(token, ("adresse", Address), ("bestaetigt", "true")));
        Assert.Contains("wurden gelöscht", await erased.Content.ReadAsStringAsync());
        // The officer checks: nothing is found, and the check itself writes nothing that names the person.
        var check = await (await officer.PostAsync("/admin/datenschutz", Form(token, ("adresse", Address)))).Content.ReadAsStringAsync();

        var after = await ScanAsync();
        Assert.True(after.Count == 0, "still found after erasure:\n" + string.Join("\n", after));
        Assert.Contains("Zu dieser Adresse ist nichts gespeichert", check);
        // The request stays, without the person, as proof that it was answered.
        var kept = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().SubjectRequests.SingleAsync());
        Assert.Equal((SubjectRequestKind.Erasure, SubjectRequestPersonalData.ErasedName, null), (kept.Kind, kept.RequesterName, kept.RequesterEmail));
    }

    [Fact]
    public async Task The_access_report_covers_every_feature_in_german_as_json_and_as_a_printable_page()
    {
        await _app.ConfirmedAsync(_smtp, Address);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, CareersFixtures.Form(name: Name, email: Address, phone: Phone))).StatusCode);
        var officer = await _app.StaffAsync("DataProtection");
        // The person's letter asking for erasure goes into the officer's request log.
        var recorded = await officer.PostAsync("/admin/datenschutz/anfragen/neu", Form(TokenIn(await officer.GetStringAsync("/admin/datenschutz/anfragen/neu")),
            ("Input.ReceivedOn", RequestDeadline.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.Kind", "Erasure"),
            ("Input.Channel", "Post"), ("Input.Name", Name), ("Input.Email", Address), ("Input.Note", $"Brief von {Name}, Tel. {Phone}")));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var token = TokenIn(await officer.GetStringAsync("/admin/datenschutz"));

        var download = await officer.PostAsync("/admin/datenschutz?handler=Export", Form(token, ("adresse", Address)));
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition?.ToString());
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var sections = json.RootElement.GetProperty("Bereiche").EnumerateArray().ToDictionary(s => s.GetProperty("Bereich").GetString()!);
        Assert.Contains("Newsletter-Einwilligung", sections.Keys);
        var application = sections["Bewerbungen"].GetProperty("Einträge").EnumerateArray().Single();
        Assert.Equal(Name, application.GetProperty("Name").GetString());
        Assert.Equal(Phone, application.GetProperty("Telefon").GetString());
        Assert.Contains("lebenslauf.pdf", application.GetProperty("Dateien").GetString());
        Assert.Contains("§ 15 Abs. 4 AGG", sections["Bewerbungen"].GetProperty("Speicherdauer").GetString());

        var (_, report) = await ParseAsync(await officer.PostAsync("/admin/datenschutz/auskunft", Form(token, ("adresse", Address))));
        Assert.Contains("Art. 15 DSGVO", report.QuerySelector("h1")!.TextContent);
        // The same sections, and the audit entry of the download just made.
        Assert.Equal([.. sections.Keys.Append("Protokoll der Verwaltung").Order()], report.QuerySelectorAll("h2").Select(h => h.TextContent).Order());
        Assert.Contains(report.QuerySelectorAll("tr"), r => r.QuerySelector("th")?.TextContent == "Telefon" && r.QuerySelector("td")?.TextContent == Phone);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/admin/datenschutz/auskunft")).StatusCode);
    }

    private static async Task<(HttpResponseMessage, AngleSharp.Dom.IDocument)> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (response, await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)));
    }

    /// <summary>Every hit as "Table.Column" or "file NAME": every table the database lists, every column, and the upload folder.</summary>
    private async Task<List<string>> ScanAsync()
    {
        var hits = new List<string>();
        await _app.InScopeAsync(async s =>
        {
            var connection = s.GetRequiredService<GoldfederDb>().Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                foreach (var (schema, table) in await TablesAsync(connection))
                {
                    await using var select = connection.CreateCommand();
                    select.CommandText = schema is null ? $"SELECT * FROM \"{table}\"" : $"SELECT * FROM \"{schema}\".\"{table}\"";
                    await using var reader = await select.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                        for (var i = 0; i < reader.FieldCount; i++)
                            if (!reader.IsDBNull(i) && Holds(Text(reader.GetValue(i))))
                                hits.Add($"{(schema is null or "public" ? "" : schema + ".")}{table}.{reader.GetName(i)}");
                }
            }
            finally
            {
                await connection.CloseAsync();
            }
        });
        foreach (var file in Directory.Exists(_files) ? Directory.EnumerateFiles(_files, "*", SearchOption.AllDirectories) : [])
            if (Holds(Path.GetFileName(file)) || Holds(Text(await File.ReadAllBytesAsync(file)))) hits.Add("file " + Path.GetFileName(file));
        return hits.Distinct().ToList();
    }

    private static async Task<List<(string? Schema, string Table)>> TablesAsync(DbConnection connection)
    {
        await using var list = connection.CreateCommand();
        list.CommandText = GoldfederApp.Provider == "Sqlite"
            ? "SELECT NULL, name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
        var tables = new List<(string?, string)>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        Assert.True(tables.Count > 20, $"the catalog listed only {tables.Count} tables");
        return tables;
    }

    /// <summary>Blobs are read as UTF-8 and as Latin-1 (a PDF or a MIME message is mostly ASCII); everything else as text.</summary>
    private static string Text(object value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes) + "\n" + Encoding.Latin1.GetString(bytes),
        string s => s,
        System.Collections.IEnumerable many => string.Join("\n", many.Cast<object>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool Holds(string text) => Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }
}
