using Goldfeder.Common;
using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Careers.Admin;

public sealed class PostingAdminTests : IAsyncLifetime
{
    private readonly GoldfederApp _app;
    private readonly string _files;

    public PostingAdminTests()
    {
        var (settings, folder) = CareersFixtures.Settings();
        _files = folder;
        _app = GoldfederApp.With(settings);
    }

    private static (string, string)[] Draft(string status, string validThrough = "", string title = "Goldschmied/in (m/w/d)") =>
    [
        ("Draft.Title", title), ("Draft.Slug", ""), ("Draft.Location", "Boxberg"), ("Draft.PostalCode", "97944"), ("Draft.Region", "Baden-Württemberg"),
        ("Draft.StreetAddress", ""), ("Draft.EmploymentType", "PartTime"), ("Draft.Start", "ab sofort"),
        ("Draft.Teaser", "Sie prüfen und bewerten Schmuck."), ("Draft.Description", "## Ihre Aufgaben\n\n- Prüfen\n- Bewerten"),
        ("Draft.Offer", "- Gutes Team"), ("Draft.ContactName", "Frau Gold"), ("Draft.ContactEmail", "gold@example.de"),
        ("Draft.SalaryMin", ""), ("Draft.SalaryMax", ""), ("Draft.SalaryUnit", "Year"), ("Draft.ValidThrough", validThrough), ("Draft.Status", status),
    ];

    [Fact]
    public async Task Hr_writes_a_posting_previews_it_publishes_it_and_closes_it()
    {
        var hr = await _app.StaffAsync("HR");
        var reader = _app.CreateClient();
        Assert.DoesNotContain("Goldschmied", await reader.GetStringAsync("/karriere"));
        var editorPage = await hr.GetStringAsync("/admin/karriere/bearbeiten");
        var token = TokenIn(editorPage);
        Assert.Contains("href=\"/admin/karriere\"", await hr.GetStringAsync("/admin"));

        var preview = await hr.PostAsync("/admin/karriere/bearbeiten?handler=Preview", Form(token, Draft("Draft")));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Goldschmied/in (m/w/d)</h1>", previewHtml);
        Assert.Contains("<h2>Ihre Aufgaben</h2>", previewHtml);
        Assert.Contains("Teilzeit", previewHtml);
        Assert.Empty(await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == "goldschmied-in-m-w-d").ToListAsync()));

        var saved = await hr.PostAsync("/admin/karriere/bearbeiten", Form(token, Draft("Draft")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var posting = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.AsNoTracking().SingleAsync(p => p.Slug == "goldschmied-in-m-w-d"));
        Assert.Equal(PostingStatus.Draft, posting.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/karriere/goldschmied-in-m-w-d")).StatusCode);

        await hr.PostAsync($"/admin/karriere/bearbeiten/{posting.Id}", Form(token, Draft("Published", "2099-12-31")));
        var list = await reader.GetStringAsync("/karriere");
        Assert.Contains("Goldschmied/in (m/w/d)", list);
        var page = await reader.GetStringAsync("/karriere/goldschmied-in-m-w-d");
        Assert.Contains("<script type=\"application/ld+json\">{", page);
        Assert.Contains("31.12.2099", page);
        Assert.Contains("\"validThrough\":\"2100-01-01T00:00:00\\u002B01:00\"", page);

        await hr.PostAsync($"/admin/karriere/bearbeiten/{posting.Id}", Form(token, Draft("Closed", "2099-12-31")));
        Assert.DoesNotContain("Goldschmied", await reader.GetStringAsync("/karriere"));
        Assert.Contains("Diese Stelle ist bereits besetzt.", await reader.GetStringAsync("/karriere/goldschmied-in-m-w-d"));
        var closed = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.AsNoTracking().SingleAsync(p => p.Id == posting.Id));
        Assert.NotNull(closed.ClosedAtUtc);
        Assert.NotNull(closed.PublishedAtUtc);

        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["posting.create", "posting.update", "posting.update"], audit.Select(a => a.Action));
        Assert.Contains("\"Status\":\"Published\"", audit[2].Before);
        Assert.Contains("\"Status\":\"Closed\"", audit[2].After);
    }

    [Fact]
    public async Task A_bad_posting_gets_german_messages_and_keeps_what_was_typed()
    {
        var hr = await _app.StaffAsync("HR");
        var token = TokenIn(await hr.GetStringAsync("/admin/karriere/bearbeiten"));
        var fields = Draft("Published", "31.12.2099", title: "").Select(f => f.Item1 == "Draft.Slug" ? (f.Item1, CareersFixtures.Advisor) : f).ToArray();
        var response = await hr.PostAsync("/admin/karriere/bearbeiten", Form(token, fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bitte geben Sie den Stellentitel ein.", html);
        Assert.Contains("schon vergeben", html);
        Assert.Contains("Bitte geben Sie das Enddatum als Datum an.", html);
        Assert.Contains("Sie prüfen und bewerten Schmuck.", html);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Marketing")]
    [InlineData("DataProtection")]
    public async Task Staff_without_the_hr_role_cannot_reach_the_careers_admin(string role)
    {
        var staff = await _app.StaffAsync(role);
        foreach (var url in new[] { "/admin/karriere", "/admin/karriere/bearbeiten", "/admin/karriere/1/bewerbungen", "/admin/karriere/bewerbung/1" })
        {
            var response = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/kein-zugriff", response.Headers.Location!.PathAndQuery());
        }
        Assert.DoesNotContain("href=\"/admin/karriere\"", await staff.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task An_admin_may_run_the_careers_admin_too()
    {
        var admin = await _app.StaffAsync("Admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/karriere")).StatusCode);
        Assert.Contains("Kundenberater/in Edelmetalle", await admin.GetStringAsync("/admin/karriere"));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}
