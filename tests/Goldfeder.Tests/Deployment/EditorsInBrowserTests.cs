using Goldfeder.Tests.Browser;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Deployment;

/// <summary>The article and newsletter editors as staff use them, in Chromium on the published site in Production behind nginx.</summary>
public sealed class EditorsInBrowserTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> EditorAsync()
    {
        var page = await StaffBrowser.LoginAsync(await StaffBrowser.ContextAsync(browser, site), DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/artikel/bearbeiten");
        return page;
    }

    [Fact]
    public async Task The_toolbar_writes_markdown_the_preview_shows_it_and_leaving_unsaved_changes_asks_first()
    {
        var page = await EditorAsync();
        var body = page.GetByLabel("Text (Markdown");
        await page.GetByLabel("Überschrift", new() { Exact = true }).FillAsync("Werkzeugleiste");
        await body.FillAsync("Silber glänzt");
        await body.EvaluateAsync("b => b.setSelectionRange(7, 13)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fett" }).ClickAsync();
        await body.EvaluateAsync("b => b.setSelectionRange(0, 0)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zwischenüberschrift" }).ClickAsync();

        Assert.Equal("## Silber **glänzt**", await body.InputValueAsync());
        await Assertions.Expect(page.Locator("#preview h2 strong")).ToHaveTextAsync("glänzt", new() { Timeout = 10_000 });

        // Unsaved: closing the tab asks first, and the editor stays.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) => { asked.TrySetResult(dialog.Type); await dialog.DismissAsync(); };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(page.IsClosed);
    }

    [Fact]
    public async Task Saving_leaves_without_a_question_and_a_secret_link_shows_the_draft_to_a_colleague_without_an_account()
    {
        var page = await EditorAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Type); await dialog.DismissAsync(); };
        await page.GetByLabel("Überschrift", new() { Exact = true }).FillAsync("Entwurf für die Chefredaktion");
        await page.GetByLabel("Vorspann").FillAsync("Noch nicht veröffentlicht.");
        await page.GetByLabel("Text (Markdown").FillAsync("Geheimer Text.");
        await page.GetByLabel("Status").SelectOptionAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();
        Assert.Empty(dialogs);

        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau-Link für Kolleginnen und Kollegen erzeugen" }).ClickAsync();
        var link = await page.GetByLabel("Vorschau-Link").InputValueAsync();
        Assert.StartsWith(site.BaseUrl + "/vorschau/", link);

        var colleague = await (await StaffBrowser.ContextAsync(browser, site)).NewPageAsync();
        var response = await colleague.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        Assert.Equal("noindex, nofollow", await response.HeaderValueAsync("x-robots-tag"));
        await Assertions.Expect(colleague.Locator("h1")).ToHaveTextAsync("Entwurf für die Chefredaktion");
        await Assertions.Expect(colleague.Locator(".preview-banner")).ToContainTextAsync("Entwurf");

        var tampered = await colleague.GotoAsync(link[..^4] + "AAAA");
        Assert.Equal(404, tampered!.Status);
        await Assertions.Expect(colleague.Locator("h1")).ToHaveTextAsync("Vorschau nicht verfügbar");
        Assert.Equal(404, (await colleague.GotoAsync(site.BaseUrl + "/news/entwurf-fuer-die-chefredaktion"))!.Status);
    }

    [Fact]
    public async Task The_newsletter_preview_follows_the_typing_and_keeps_single_line_breaks()
    {
        var page = await StaffBrowser.LoginAsync(await StaffBrowser.ContextAsync(browser, site), DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/newsletter/bearbeiten");
        await page.GetByLabel("Betreff", new() { Exact = true }).FillAsync("Silber im Blick");
        await page.GetByLabel("Text (Markdown").FillAsync("## Silber steigt\n\nHerzliche Grüße\nIhr Team");

        var frame = page.FrameLocator("iframe[name='mail-preview']");
        await Assertions.Expect(frame.Locator("h2")).ToHaveTextAsync("Silber steigt", new() { Timeout = 15_000 });
        Assert.Equal(1, await frame.Locator("p:has-text('Herzliche Grüße') br").CountAsync());
    }
}
