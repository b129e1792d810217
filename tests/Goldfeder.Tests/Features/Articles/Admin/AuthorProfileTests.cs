using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.Admin;

/// <summary>Editors give a byline a short bio and a photo at /admin/autoren; the author page and its structured data show them at once.</summary>
public sealed class AuthorProfileTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = GoldfederApp.With(new() { ["Site:BaseUrl"] = "https://www.example.de" });

    public async Task InitializeAsync() =>
        await _app.InScopeAsync(s => s.GetRequiredService<ArticleSaver>().SaveAsync(new Article
        {
            Slug = "platin", Title = "Platin", Lead = "V.", BodyMarkdown = "T.", Author = "Jörg Weiß", Status = ArticleStatus.Published,
            PublishedAtUtc = DateTime.UtcNow.AddHours(-1),
        }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MultipartFormDataContent Profile(string token, string slug, string bio, byte[]? photo = null, string credit = "", bool remove = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(slug), "slug" },
            { new StringContent(bio), "bio" },
            { new StringContent(credit), "nachweis" },
        };
        if (remove) form.Add(new StringContent("true"), "fotoEntfernen");
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "foto", "portrait.png");
        }
        return form;
    }

    [Fact]
    public async Task An_editor_adds_a_bio_and_photo_which_the_author_page_and_its_structured_data_show()
    {
        var editor = await _app.StaffAsync("Editor");
        var list = await editor.GetStringAsync("/admin/autoren");
        Assert.Contains("Jörg Weiß", list);

        var saved = await editor.PostAsync("/admin/autoren", Profile(TokenIn(list), "joerg-weiss", "Schreibt seit 2009 über <Edelmetalle> & Märkte.", Picture.Png(800, 600), "Studio Nord"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await _app.GetPageAsync("/autor/joerg-weiss");
        Assert.Equal("Schreibt seit 2009 über <Edelmetalle> & Märkte.", page.QuerySelector(".author-bio")!.TextContent);
        var photo = page.QuerySelector(".author-card img")!;
        Assert.Matches(@"^/bilder/[0-9a-f]{16}-1x1\.webp$", photo.GetAttribute("src"));
        Assert.Equal("Foto von Jörg Weiß", photo.GetAttribute("alt"));
        Assert.Equal("Foto: Studio Nord", page.QuerySelector(".author-card figcaption")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync(photo.GetAttribute("src"))).StatusCode);

        var collection = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "CollectionPage");
        var person = collection.GetProperty("about");
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Jörg Weiß", person.GetProperty("name").GetString());
        Assert.Equal("Schreibt seit 2009 über <Edelmetalle> & Märkte.", person.GetProperty("description").GetString());
        Assert.Equal("https://www.example.de" + photo.GetAttribute("src"), person.GetProperty("image").GetString());
        Assert.Contains("author.describe", await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.Select(a => a.Action).ToListAsync()));

        // Removing the photo keeps the bio.
        var again = await editor.GetStringAsync("/admin/autoren");
        await editor.PostAsync("/admin/autoren", Profile(TokenIn(again), "joerg-weiss", "Schreibt seit 2009.", remove: true));
        var (_, without) = await _app.GetPageAsync("/autor/joerg-weiss");
        Assert.Null(without.QuerySelector(".author-card img"));
        Assert.Equal("Schreibt seit 2009.", without.QuerySelector(".author-bio")!.TextContent);
    }

    [Fact]
    public async Task A_bio_too_long_a_photo_without_credit_and_an_unknown_author_are_refused_and_nothing_is_kept()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/autoren"));

        var tooLong = await editor.PostAsync("/admin/autoren", Profile(token, "joerg-weiss", new string('x', 601)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Die Kurzbiografie von Jörg Weiß darf höchstens 600 Zeichen haben (jetzt 601).", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));

        var noCredit = await editor.PostAsync("/admin/autoren", Profile(token, "joerg-weiss", "Kurz.", Picture.Png(400, 400)));
        Assert.Equal(HttpStatusCode.BadRequest, noCredit.StatusCode);
        Assert.Contains("Bitte geben Sie den Bildnachweis an", WebUtility.HtmlDecode(await noCredit.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuthorProfiles.CountAsync()));
        Assert.Equal(0, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Images.CountAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/admin/autoren", Profile(token, "niemand", "Kurz."))).StatusCode);
        var marketing = await _app.StaffAsync("Marketing");
        Assert.NotEqual(HttpStatusCode.OK, (await marketing.GetAsync("/admin/autoren")).StatusCode);
    }
}
