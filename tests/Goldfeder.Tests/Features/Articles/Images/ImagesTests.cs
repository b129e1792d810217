using Goldfeder.Features.Articles;
using Goldfeder.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Articles.Images;

public sealed class ImagesTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    [Fact]
    public async Task A_png_upload_is_kept_in_three_widths_served_as_webp_with_a_year_long_immutable_cache()
    {
        var editor = await _app.StaffAsync("Editor");

        var (status, result) = await UploadAsync(editor, Picture(2000, 1000, SKEncodedImageFormat.Png), "goldbarren.png", "Goldbarren im Tresor");

        Assert.Equal(HttpStatusCode.OK, status);
        var markdown = result.GetProperty("markdown").GetString()!;
        Assert.Matches(@"^!\[Goldbarren im Tresor\]\(/bilder/[0-9a-f]{16}-1600\.webp\)$", markdown);
        var variants = await VariantsAsync();
        Assert.Equal([(480, 240), (960, 480), (1600, 800)], variants.Select(v => (v.Width, v.Height)));

        var key = markdown[(markdown.IndexOf("/bilder/", StringComparison.Ordinal) + 8)..][..16];
        foreach (var width in new[] { 480, 960, 1600 })
        {
            var served = await _app.Browser().GetAsync($"/bilder/{key}-{width}.webp");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
            using var decoded = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal(width, decoded.Width);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync($"/bilder/{key}-777.webp")).StatusCode);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.Where(a => a.Action == "image.upload").ToListAsync());
        Assert.Contains("goldbarren.png: Goldbarren im Tresor, Foto: Kettner Edelmetalle (2000×1000)", Assert.Single(audit).After);
    }

    [Fact]
    public async Task A_small_jpeg_is_never_upscaled()
    {
        var editor = await _app.StaffAsync("Editor");

        var (status, _) = await UploadAsync(editor, Picture(700, 350, SKEncodedImageFormat.Jpeg), "muenze.jpg", "Silbermünze");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([480, 700], (await VariantsAsync()).Select(v => v.Width));
    }

    [Theory]
    [InlineData("notiz.jpg", "Das ist kein Bild, nur Text.", "Bildbeschreibung", "kein Bild im Format JPEG, PNG oder WebP")]
    [InlineData("kaputt.png", "\u0089PNG\r\n\u001a\nabgeschnitten", "Bildbeschreibung", "beschädigt")]
    [InlineData("leer.png", "", "Bildbeschreibung", "Bitte wählen Sie eine Bilddatei aus.")]
    public async Task Files_that_are_not_images_are_refused_with_a_german_message(string name, string content, string alt, string message)
    {
        var editor = await _app.StaffAsync("Editor");

        var (status, result) = await UploadAsync(editor, Encoding.Latin1.GetBytes(content), name, alt);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, result.GetProperty("error").GetString());
        Assert.Empty(await VariantsAsync());
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused_and_the_form_says_why()
    {
        var editor = await _app.StaffAsync("Editor");
        var token = TokenIn(await editor.GetStringAsync("/admin/bilder"));

        var response = await editor.PostAsync("/admin/bilder", Upload(token, Picture(600, 300, SKEncodedImageFormat.Png), "bild.png", "  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte beschreiben Sie das Bild in einem Alternativtext", await response.Content.ReadAsStringAsync());
        Assert.Empty(await VariantsAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        await using var app = GoldfederApp.With(new() { ["Images:MaxBytes"] = "2000" });
        var editor = await app.StaffAsync("Editor");

        var (status, result) = await UploadAsync(editor, Picture(1200, 900, SKEncodedImageFormat.Png, noise: true), "gross.png", "Ein großes Bild");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Die Datei ist zu groß", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_image_without_credit_is_refused_and_a_caption_and_credit_go_under_it_as_text()
    {
        var editor = await _app.StaffAsync("Editor");
        var (status, refused) = await UploadAsync(editor, Picture(600, 300, SKEncodedImageFormat.Png), "bild.png", "Münzen", credit: "  ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bitte geben Sie den Bildnachweis an", refused.GetProperty("error").GetString());

        var (_, result) = await UploadAsync(editor, Picture(600, 300, SKEncodedImageFormat.Png), "bild.png", "Münzen", credit: "Foto: <b>Max</b> & Co");
        var url = result.GetProperty("url").GetString()!;
        var html = Goldfeder.Features.Articles.Images.ResponsiveImages.ToSafeHtml($"![Münzen]({url} \"Münzen <i>im</i> Tresor\")",
            await _app.InScopeAsync(s => Goldfeder.Features.Articles.Images.ImageStore.ReferencedAsync(s.GetRequiredService<Goldfeder.Data.GoldfederDb>(), url, CancellationToken.None)));

        var figure = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("figure")!;
        Assert.Equal("Münzen <i>im</i> Tresor Foto: <b>Max</b> & Co", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Null(figure.QuerySelector("figcaption i, figcaption b"));
        Assert.DoesNotContain("<p>", html);
    }

    [Fact]
    public async Task An_article_showing_an_uploaded_image_offers_every_width_in_srcset()
    {
        var editor = await _app.StaffAsync("Editor");
        var (_, result) = await UploadAsync(editor, Picture(2000, 1000, SKEncodedImageFormat.Png), "barren.png", "Goldbarren im Tresor");
        var markdown = result.GetProperty("markdown").GetString()!;
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));

        await editor.PostAsync("/admin/artikel/bearbeiten", Form(token,
            ("Draft.Title", "Artikel mit Bild"), ("Draft.Lead", "Vorspann."), ("Draft.Body", $"## Bild\n\n{markdown}\n\nText."),
            ("Draft.Status", "Published"), ("Draft.Date", "2026-01-05"), ("Draft.Time", "09:00")));

        var (_, page) = await _app.GetPageAsync("/news/artikel-mit-bild");
        var img = page.QuerySelector(".article-body img")!;
        var key = markdown[(markdown.IndexOf("/bilder/", StringComparison.Ordinal) + 8)..][..16];
        Assert.Equal($"/bilder/{key}-480.webp 480w, /bilder/{key}-960.webp 960w, /bilder/{key}-1600.webp 1600w", img.GetAttribute("srcset"));
        Assert.Equal($"/bilder/{key}-1600.webp", img.GetAttribute("src"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Equal("Goldbarren im Tresor", img.GetAttribute("alt"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("1600", img.GetAttribute("width"));
        Assert.Equal("800", img.GetAttribute("height"));
        Assert.Equal("Foto: Kettner Edelmetalle", page.QuerySelector(".article-body figure > figcaption .credit")!.TextContent);
        Assert.Same(img, page.QuerySelector(".article-body figure > img"));

        var preview = await editor.PostAsync("/admin/artikel/bearbeiten?handler=Preview", Form(token,
            ("Draft.Title", "Vorschau"), ("Draft.Lead", "Vorspann."), ("Draft.Body", markdown), ("Draft.Status", "Draft")));
        Assert.Contains("srcset=", await preview.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_script_the_upload_page_shows_the_markdown_to_copy()
    {
        var editor = await _app.StaffAsync("Admin");
        var token = TokenIn(await editor.GetStringAsync("/admin/bilder"));

        var response = await editor.PostAsync("/admin/bilder", Upload(token, Picture(800, 400, SKEncodedImageFormat.Png), "bild.png", "Münzen"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Matches(@"value=""!\[Münzen\]\(/bilder/[0-9a-f]{16}-800\.webp\)""", page);
    }

    [Fact]
    public async Task Only_editors_and_admins_may_upload()
    {
        var marketing = await _app.StaffAsync("Marketing");
        var response = await marketing.GetAsync("/admin/bilder");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/kein-zugriff", response.Headers.Location!.OriginalString);
    }

    /// <summary>A real encoded picture: a gradient (or noise, which compresses badly), made with the same library the site uses.</summary>
    private static byte[] Picture(int width, int height, SKEncodedImageFormat format, bool noise = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (noise)
        {
            new Random(7).NextBytes(bitmap.GetPixelSpan());
        }
        else
        {
            using var canvas = new SKCanvas(bitmap);
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Goldenrod, SKColors.DarkBlue], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Result)> UploadAsync(HttpClient editor, byte[] file, string name, string alt, string credit = "Kettner Edelmetalle")
    {
        var token = TokenIn(await editor.GetStringAsync("/admin/bilder"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/bilder") { Content = Upload(token, file, name, alt, credit) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await editor.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static MultipartFormDataContent Upload(string token, byte[] file, string name, string alt, string credit = "Kettner Edelmetalle")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(alt), "alt" }, { new StringContent(credit), "nachweis" }, { content, "datei", name } };
    }

    private Task<List<(int Width, int Height)>> VariantsAsync() => _app.InScopeAsync(async s =>
        (await s.GetRequiredService<GoldfederDb>().ImageVariants.OrderBy(v => v.Width).Select(v => new { v.Width, v.Height }).ToListAsync())
        .Select(v => (v.Width, v.Height)).ToList());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
