using System.Net;
using Microsoft.EntityFrameworkCore;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Campaigns.Admin;

/// <summary>The newsletter editor previews the unsaved draft as the mail, with the mail preview's own CSP, and saves nothing.</summary>
public sealed class CampaignLivePreviewTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_draft_is_rendered_as_the_mail_and_a_broken_one_says_why_in_german()
    {
        var marketing = await _app.StaffAsync("Marketing");
        var editor = await marketing.GetStringAsync("/admin/newsletter/bearbeiten");
        Assert.Contains("id=\"mail-preview-form\"", editor);
        var token = TokenIn(editor[editor.IndexOf("id=\"mail-preview-form\"", StringComparison.Ordinal)..]);
        Assert.NotEmpty(token);

        var preview = await marketing.PostAsync("/admin/newsletter/vorschau/", Form(token,
            ("subject", "Silber"), ("preheader", "Kurz"), ("body", "## Silber\n\nHerzliche Grüße\nIhr Team"), ("digest", "false")));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains(">Silber</h2>", html);
        Assert.Contains("Herzliche Grüße<br>", html);
        Assert.DoesNotContain("{{", html);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());

        var broken = await marketing.PostAsync("/admin/newsletter/vorschau/", Form(token, ("subject", "x"), ("body", new string('>', 200) + " zu tief")));
        Assert.Contains("zu tief verschachtelt", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()));
        Assert.Equal(0, (await _app.InScopeAsync(s => s.GetRequiredService<Goldfeder.Data.GoldfederDb>().Set<Goldfeder.Features.Campaigns.Campaign>().CountAsync())));

        var withoutToken = await marketing.PostAsync("/admin/newsletter/vorschau/", new FormUrlEncodedContent([new("subject", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }
}
