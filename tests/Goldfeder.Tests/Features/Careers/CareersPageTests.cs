using System.Net;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

public sealed class CareersPageTests : IAsyncLifetime
{
    private readonly GoldfederApp _app;
    private readonly string _files;

    public CareersPageTests()
    {
        var (settings, folder) = CareersFixtures.Settings();
        _files = folder;
        _app = GoldfederApp.With(settings);
    }

    [Fact]
    public async Task A_fresh_start_shows_two_open_positions_newest_first_with_their_facts()
    {
        var (response, page) = await _app.GetPageAsync("/karriere");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page.QuerySelectorAll(".posting-teaser");
        Assert.Equal(2, items.Length);
        var links = items.Select(i => i.QuerySelector("h2 a")!.GetAttribute("href")).ToList();
        Assert.Contains($"/karriere/{Advisor}", links);
        Assert.Contains($"/karriere/{Vault}", links);
        Assert.Contains("Boxberg", items[0].TextContent);
        Assert.Contains("Vollzeit", items[0].TextContent);
        Assert.Contains("Beginn:", items[0].TextContent);
    }

    [Fact]
    public async Task Without_open_positions_the_list_says_so_in_friendly_german()
    {
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Closed)));
        var (_, page) = await _app.GetPageAsync("/karriere");
        Assert.Empty(page.QuerySelectorAll(".posting-teaser"));
        Assert.Contains("Derzeit sind keine Stellen ausgeschrieben", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_position_page_carries_json_ld_with_every_field_google_requires()
    {
        var posting = await _app.PostingAsync(Advisor);
        var (response, page) = await _app.GetPageAsync($"/karriere/{Advisor}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // CSP forbids inline script, but a JSON-LD data block is never executed, so the policy does not touch it.
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org/", root.GetProperty("@context").GetString());
        Assert.Equal("JobPosting", root.GetProperty("@type").GetString());
        // Required by Google: title, description, datePosted, hiringOrganization, jobLocation (with an address).
        Assert.Equal(posting.Title, root.GetProperty("title").GetString());
        Assert.Contains("<h2>Ihre Aufgaben</h2>", root.GetProperty("description").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("datePosted").GetString(), out var posted));
        Assert.Equal(posting.PublishedAtUtc!.Value, posted.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal("Organization", root.GetProperty("hiringOrganization").GetProperty("@type").GetString());
        Assert.Equal("Kettner Edelmetalle", root.GetProperty("hiringOrganization").GetProperty("name").GetString());
        var address = root.GetProperty("jobLocation").GetProperty("address");
        Assert.Equal("Place", root.GetProperty("jobLocation").GetProperty("@type").GetString());
        Assert.Equal("PostalAddress", address.GetProperty("@type").GetString());
        Assert.Equal("Boxberg", address.GetProperty("addressLocality").GetString());
        Assert.Equal("97944", address.GetProperty("postalCode").GetString());
        Assert.Equal("DE", address.GetProperty("addressCountry").GetString());
        // Recommended: employmentType in Google's spelling, identifier, directApply.
        Assert.Equal("FULL_TIME", root.GetProperty("employmentType").GetString());
        Assert.Equal(posting.Id.ToString(), root.GetProperty("identifier").GetProperty("value").GetString());
        Assert.True(root.GetProperty("directApply").GetBoolean());

        // The page itself: description, what we offer, the contact, the form with its privacy checkbox.
        Assert.NotNull(page.QuerySelector("#offer-heading"));
        Assert.Contains("Personalabteilung", page.QuerySelector(".posting-contact")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.application-form input[type=checkbox][name=datenschutz][required]"));
        Assert.Contains("Datenschutzhinweise", page.QuerySelector(".privacy-notice")!.TextContent);
    }

    [Fact]
    public async Task Json_ld_carries_valid_through_and_salary_and_cannot_break_out_of_its_script_element()
    {
        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var posting = await db.JobPostings.SingleAsync(p => p.Slug == Vault);
            posting.Title = "Tresor </script><script>alert(1)</script>";
            posting.ValidThroughUtc = DateTime.UtcNow.AddDays(10);
            posting.SalaryMin = 38000;
            posting.SalaryMax = 44000;
            await s.GetRequiredService<PostingSaver>().SaveAsync(posting);
        });
        var (_, page) = await _app.GetPageAsync($"/karriere/{Vault}");
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
        var root = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("Tresor </script><script>alert(1)</script>", root.GetProperty("title").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("validThrough").GetString(), out _));
        var salary = root.GetProperty("baseSalary");
        Assert.Equal("EUR", salary.GetProperty("currency").GetString());
        Assert.Equal(38000, salary.GetProperty("value").GetProperty("minValue").GetInt32());
        Assert.Equal("YEAR", salary.GetProperty("value").GetProperty("unitText").GetString());
        Assert.Contains("38.000 – 44.000 € pro Jahr", page.QuerySelector(".posting-facts")!.TextContent);
    }

    [Fact]
    public async Task A_position_past_its_end_date_leaves_the_list_and_its_page_says_it_is_filled()
    {
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == Vault)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ValidThroughUtc, DateTime.UtcNow.AddMinutes(-1))));

        var (_, list) = await _app.GetPageAsync("/karriere");
        Assert.DoesNotContain(list.QuerySelectorAll(".posting-teaser a"), a => a.GetAttribute("href") == $"/karriere/{Vault}");
        Assert.Single(list.QuerySelectorAll(".posting-teaser"));

        var (response, page) = await _app.GetPageAsync($"/karriere/{Vault}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Diese Stelle ist bereits besetzt.", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("form.application-form"));
        Assert.Empty(page.QuerySelectorAll("script[type='application/ld+json']"));

        // And nobody can apply to it by posting anyway.
        var posted = await _app.ApplyAsync(Vault, Form());
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("Diese Stelle ist bereits besetzt.", await posted.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ApplicationsAsync());
    }

    [Fact]
    public async Task A_closed_position_says_it_is_filled_and_a_draft_does_not_exist()
    {
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == Vault)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Closed)));
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == Advisor)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Draft)));

        var (_, closed) = await _app.GetPageAsync($"/karriere/{Vault}");
        Assert.Contains("Diese Stelle ist bereits besetzt.", closed.QuerySelector("main")!.TextContent);
        var (draft, _) = await _app.GetPageAsync($"/karriere/{Advisor}");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task Position_pages_set_no_cookie_come_from_the_cache_and_a_save_by_hr_evicts_them()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync($"/karriere/{Advisor}");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.True((await client.GetAsync($"/karriere/{Advisor}")).Headers.Contains("Age"));
        await client.GetAsync("/karriere");

        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            var posting = await db.JobPostings.SingleAsync(p => p.Slug == Advisor);
            posting.Title = "Kundenberater/in Gold und Silber (m/w/d)";
            await s.GetRequiredService<PostingSaver>().SaveAsync(posting);
        });
        Assert.Contains("Kundenberater/in Gold und Silber", await client.GetStringAsync($"/karriere/{Advisor}"));
        Assert.Contains("Kundenberater/in Gold und Silber", await client.GetStringAsync("/karriere"));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}
