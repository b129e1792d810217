using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Goldfeder.Tests.Features.Articles.Images;

/// <summary>Every upload gets centred 16:9, 4:3 and 1:1 crops for Google and share previews, never upscaled and never below 50,000 pixels.</summary>
public sealed class ImageCropTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<(string Ratio, int Width, int Height)>> CropsAsync(string imageUrl) =>
        _app.InScopeAsync(async s =>
        {
            var key = imageUrl[8..24];
            var db = s.GetRequiredService<GoldfederDb>();
            var images = db.Images;
            var crops = await db.ImageCrops.Where(c => images.Any(i => i.Id == c.ImageId && i.Key == key))
                .Select(c => new { c.Ratio, c.Width, c.Height }).ToListAsync();
            return crops.OrderBy(c => c.Ratio, StringComparer.Ordinal).Select(c => (c.Ratio, c.Width, c.Height)).ToList();
        });

    [Fact]
    public async Task A_portrait_picture_is_cropped_from_its_middle_in_each_ratio()
    {
        var url = await _app.UploadImageAsync(900, 1600, "Hochformat");

        Assert.Equal([("16x9", 900, 506), ("1x1", 900, 900), ("4x3", 900, 675)], await CropsAsync(url));
        var served = await _app.Browser().GetAsync($"/bilder/{url[8..24]}-1x1.webp");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
        using var bitmap = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((900, 900), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task A_small_picture_gets_only_the_crops_google_would_accept()
    {
        var url = await _app.UploadImageAsync(300, 200, "Klein");

        // 16:9 would be 300×168 = 50,400 pixels (kept); 4:3 is 266×200 (kept); 1:1 is 200×200 = 40,000 (too small).
        Assert.Equal([("16x9", 300, 168), ("4x3", 266, 200)], await CropsAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync($"/bilder/{url[8..24]}-1x1.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync($"/bilder/{url[8..24]}-2x1.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync("/bilder/0000000000000000-16x9.webp")).StatusCode);
    }

    [Fact]
    public async Task Images_uploaded_before_crops_existed_get_them_from_an_operator_command()
    {
        var url = await _app.UploadImageAsync(1600, 900, "Älter");
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ImageCrops.ExecuteDeleteAsync());
        Assert.Empty(await CropsAsync(url));

        var (code, output) = await _app.RunCommandAsync("images", "crops");

        Assert.Equal(0, code);
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("cropped").GetInt32());
        Assert.Equal([("16x9", 1200, 675), ("1x1", 900, 900), ("4x3", 1200, 900)], await CropsAsync(url));
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse((await _app.RunCommandAsync("images", "crops")).Output).RootElement.GetProperty("cropped").GetInt32());
    }
}
