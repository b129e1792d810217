using System.Text.Json;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// Every public page a reader reaches and every admin page, at phone width (390 px) and at 1280 px, on the published
/// site in Production: no sideways scrolling, and the H1 starts where the content below it starts.
/// </summary>
public sealed class PhoneWidthTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    private readonly List<string> _problems = [];

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
    });

    [Fact]
    public async Task Every_public_page_fits_a_phone_and_its_heading_lines_up_with_what_follows()
    {
        await PublishArticleWithTopicAsync();
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();
        var visited = new List<string>();
        async Task Visit(string what)
        {
            visited.Add(page.Url);
            await CheckAsync(page, what);
        }

        await page.GotoAsync("/");
        await Visit("news index");
        await page.Locator(".news-list h2 a").First.ClickAsync();
        await page.ArrivedAsync("**/news/**");
        await Visit("article");
        var article = page.Url;
        await page.Locator(".article-topics a").First.ClickAsync();
        await page.ArrivedAsync("**/thema/**");
        await Visit("topic");
        await page.GotoAsync(article);
        await page.Locator("a[href^='/autor/']").First.ClickAsync();
        await page.ArrivedAsync("**/autor/**");
        await Visit("author");
        await page.GotoAsync("/suche?q=Gold");
        await Visit("search");
        await page.GotoAsync("/newsletter/archiv");
        await Visit("newsletter archive");

        await page.GotoAsync("/newsletter");
        await Visit("newsletter signup");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("schmal@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fast geschafft!" })).ToBeVisibleAsync();
        await Visit("signup thanks");
        await page.GotoAsync(PathOf(LinkIn((await site.Smtp.WaitForAsync("schmal@example.de")).Single(), "/newsletter/bestaetigen")));
        // With script, the confirmation page sends its one-click form by itself.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank!" })).ToBeVisibleAsync();
        await Visit("confirmed");
        await page.GotoAsync(PathOf(LinkIn((await site.Smtp.WaitForAsync("schmal@example.de", 2))[1], "/newsletter/einstellungen")));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ihre Newsletter-Einstellungen" })).ToBeVisibleAsync();
        await Visit("preference center");

        await page.GotoAsync("/karriere");
        await Visit("careers");
        await ScreenshotAsync(page, "careers-phone.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kundenberater/in Edelmetalle (m/w/d)" }).ClickAsync();
        await page.ArrivedAsync($"**/karriere/{CareersFixtures.Advisor}");
        await Assertions.Expect(page.Locator("form.application-form")).ToBeVisibleAsync();
        await Visit("job ad with the application form");
        await page.GotoAsync("/datenschutz");
        await Visit("privacy policy");
        await page.GotoAsync("/impressum");
        await Visit("imprint");
        var missing = await page.GotoAsync("/diese-seite-gibt-es-nicht");
        Assert.Equal(404, missing!.Status);
        await Visit("404");
        await ScreenshotAsync(page, "not-found-phone.png");
        await page.GotoAsync("/admin/anmelden");
        await Visit("staff login");

        // The same pages on a desktop, where a centred heading over left-aligned content shows.
        await using var desktop = await ContextAsync(browser, site);
        var wide = await desktop.NewPageAsync();
        foreach (var url in visited.Where(u => !u.Contains("/newsletter/bestaetigen")))
        {
            await wide.GotoAsync(url);
            await CheckAsync(wide, "desktop " + url);
        }
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Every_admin_page_fits_a_phone_and_its_heading_lines_up_with_what_follows()
    {
        await SomethingInEveryListAsync();
        await using var phone = await PhoneAsync();
        var page = await LoginAsync(phone, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        var seen = new List<string> { "/admin" };
        for (var i = 0; i < seen.Count && seen.Count < 200; i++)
        {
            var response = await page.GotoAsync(seen[i]);
            if (response is null || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html")) continue;
            await CheckAsync(page, seen[i]);
            foreach (var href in await page.Locator("a[href^='/admin']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var target = href.Split('#')[0];
                // Logging out would end the walk; downloads (attachments, exports) are files, not pages.
                if (target.StartsWith("/admin/abmelden") || target.StartsWith("/admin/karriere/anhang/") || target.Contains("handler=Export")) continue;
                if (!seen.Contains(target)) seen.Add(target);
            }
        }
        Assert.Contains(seen, p => p.StartsWith("/admin/newsletter/bearbeiten/"));
        Assert.Contains(seen, p => p.StartsWith("/admin/karriere/bewerbung/"));

        await using var desktop = await ContextAsync(browser, site);
        var wide = await LoginAsync(desktop, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        foreach (var path in seen)
        {
            var response = await wide.GotoAsync(path);
            if (response is null || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html")) continue;
            await CheckAsync(wide, "desktop " + path);
        }
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    /// <summary>The demo articles have no topics: an editor publishes one with a section, and with a long German word.</summary>
    private async Task PublishArticleWithTopicAsync()
    {
        await using var context = await ContextAsync(browser, site);
        var page = await LoginAsync(context, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/artikel/bearbeiten");
        await page.GetByLabel("Überschrift", new() { Exact = true }).FillAsync("Edelmetallaufbewahrungsversicherungsbedingungen im Überblick");
        await page.GetByLabel("Vorspann").FillAsync("Was die Hausratversicherung bei Goldbarren im Tresor abdeckt.");
        await page.GetByLabel("Autor (Name").FillAsync("Erika Musterfrau");
        await page.GetByLabel("Text (Markdown").FillAsync("## Versicherungssummenanpassungsklauseln\n\nDie Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung gilt hier nicht.");
        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByLabel("Rubriken").FillAsync("Märkte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();
    }

    private async Task SomethingInEveryListAsync()
    {
        using var client = site.Client();
        var applied = await client.PostAsync($"/karriere/{CareersFixtures.Advisor}", CareersFixtures.Form(email: "bewerberin-schmal@example.de", files: [new("lebenslauf", "cv.pdf", CareersFixtures.Pdf())]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, applied.StatusCode);
        await CampaignSending.CreateAsync(site, "Goldpreis im Blick");
    }

    private async Task CheckAsync(IPage page, string what)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        if (scroll > client) _problems.Add($"{what} ({page.Url}): {scroll} px wide in a {client} px window, widest: {await page.EvaluateAsync<string>(WidestElement)}");
        var heading = await page.EvaluateAsync<JsonElement?>(HeadingAndNext);
        if (heading is not { ValueKind: JsonValueKind.Object } h)
        {
            _problems.Add($"{what} ({page.Url}): no H1 with content after it");
            return;
        }
        var (h1, next) = (h.GetProperty("h1").GetDouble(), h.GetProperty("next").GetDouble());
        if (Math.Abs(h1 - next) > 1) _problems.Add($"{what} ({page.Url}): H1 starts at {h1:0} px, the {h.GetProperty("what").GetString()} below it at {next:0} px");
    }

    /// <summary>The innermost element that reaches furthest past the window's right edge, for the message.</summary>
    private const string WidestElement = """
        () => {
          const width = document.documentElement.clientWidth;
          let worst = null, right = width;
          for (const e of document.querySelectorAll("body *")) {
            const r = e.getBoundingClientRect().right;
            if (r >= right) { worst = e; right = r; }
          }
          return worst ? `${worst.tagName.toLowerCase()}.${worst.className} "${(worst.textContent || "").trim().slice(0, 40)}" to ${Math.round(right)} px` : "none";
        }
        """;

    /// <summary>The left edges of the main H1 and of the first visible element after it (or after its container).</summary>
    private const string HeadingAndNext = """
        () => {
          const h = document.querySelector("main h1");
          if (!h) return null;
          // A quotation is indented on purpose; the content's edge is that of the element after it.
          const shown = n => n.getClientRects().length > 0 && !["absolute", "fixed"].includes(getComputedStyle(n).position) && n.tagName !== "BLOCKQUOTE";
          for (let from = h; from && from.tagName !== "MAIN"; from = from.parentElement) {
            for (let n = from.nextElementSibling; n; n = n.nextElementSibling) {
              if (shown(n)) return { h1: h.getBoundingClientRect().left, next: n.getBoundingClientRect().left, what: n.tagName.toLowerCase() + (n.className ? "." + n.className.trim().split(/\s+/).join(".") : "") };
            }
          }
          return null;
        }
        """;
}
