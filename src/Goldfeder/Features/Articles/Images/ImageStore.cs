using Goldfeder.Common;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Articles.Images;

/// <summary>
/// Uploads in, variants out. Images live in the database like everything else, so several instances on one
/// PostgreSQL serve the same pictures without a shared folder.
/// </summary>
public sealed partial class ImageStore(GoldfederDb db, TimeProvider clock, IOptions<ImageOptions> options)
{
    public ImageOptions Options => options.Value;

    public const int MaxCredit = 200;

    /// <summary>Checks, resizes and stores an upload; German <see cref="ImageRejectedException"/> when it is refused.</summary>
    public async Task<Image> UploadAsync(Stream upload, long length, string? alt, string? credit, string uploadedBy, CancellationToken ct)
    {
        var text = alt?.Trim() ?? "";
        var source = credit?.Trim() ?? "";
        if (source.StartsWith("Foto:", StringComparison.OrdinalIgnoreCase)) source = source[5..].Trim();
        if (source.Length == 0)
            throw new ImageRejectedException("Bitte geben Sie den Bildnachweis an: wer das Foto gemacht hat oder woher es stammt (erscheint als „Foto: …“).");
        if (source.Length > MaxCredit) throw new ImageRejectedException($"Der Bildnachweis darf höchstens {MaxCredit} Zeichen haben.");
        if (text.Length == 0)
            throw new ImageRejectedException("Bitte beschreiben Sie das Bild in einem Alternativtext (für Screenreader und Suchmaschinen).");
        if (text.Length > 300) throw new ImageRejectedException("Der Alternativtext darf höchstens 300 Zeichen haben.");
        if (length > Options.MaxBytes)
            throw new ImageRejectedException($"Die Datei ist zu groß (höchstens {Options.MaxBytes / (1024 * 1024)} MB).");

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (buffer.Length > Options.MaxBytes)
            throw new ImageRejectedException($"Die Datei ist zu groß (höchstens {Options.MaxBytes / (1024 * 1024)} MB).");
        if (buffer.Length == 0) throw new ImageRejectedException("Bitte wählen Sie eine Bilddatei aus.");

        var (width, height, variants, crops) = ImageResizer.Resize(buffer.ToArray(), Options);
        var image = new Image
        {
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Alt = text, Credit = source, Width = width, Height = height,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = uploadedBy,
            Variants = variants.Select(v => new ImageVariant { Width = v.Width, Height = v.Height, ContentType = "image/webp", Data = v.Data }).ToList(),
            Crops = crops.Select(c => new ImageCrop { Ratio = c.Ratio, Width = c.Width, Height = c.Height, Data = c.Data }).ToList(),
        };
        db.Images.Add(image);
        await db.SaveChangesAsync(ct);
        return image;
    }

    public Task<ImageVariant?> VariantAsync(string key, int width, CancellationToken ct) =>
        db.ImageVariants.AsNoTracking().Where(v => v.Width == width && db.Set<Image>().Any(i => i.Id == v.ImageId && i.Key == key)).FirstOrDefaultAsync(ct);

    public Task<ImageCrop?> CropAsync(string key, string ratio, CancellationToken ct) =>
        db.ImageCrops.AsNoTracking().Where(c => c.Ratio == ratio && db.Set<Image>().Any(i => i.Id == c.ImageId && i.Key == key)).FirstOrDefaultAsync(ct);

    /// <summary>The crops of the image at an address (<c>/bilder/KEY-WIDTH.webp</c>), in the order of <see cref="ImageCrop.Ratios"/>.</summary>
    public static async Task<List<(string Url, int Width, int Height)>> CropsOfAsync(GoldfederDb db, string imagePath, CancellationToken ct)
    {
        var match = ImageUrl().Match(imagePath);
        if (!match.Success) return [];
        var key = match.Groups[1].Value;
        var crops = await db.ImageCrops.AsNoTracking().Where(c => db.Set<Image>().Any(i => i.Id == c.ImageId && i.Key == key))
            .Select(c => new { c.Ratio, c.Width, c.Height }).ToListAsync(ct);
        return [.. crops.OrderBy(c => Array.FindIndex(ImageCrop.Ratios, r => r.Name == c.Ratio)).Select(c => (ImageCrop.UrlOf(key, c.Ratio), c.Width, c.Height))];
    }

    /// <summary>
    /// Makes the crops of images uploaded before crops existed, from their widest variant (the originals are not kept).
    /// One image at a time, so memory stays bounded; returns how many images got crops.
    /// </summary>
    public async Task<int> AddMissingCropsAsync(CancellationToken ct)
    {
        var ids = await db.Images.AsNoTracking().Where(i => !i.Crops.Any()).Select(i => i.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            var widest = await db.ImageVariants.AsNoTracking().Where(v => v.ImageId == id).OrderByDescending(v => v.Width).FirstAsync(ct);
            var crops = ImageResizer.Crops(widest.Data, Options);
            if (crops.Count == 0) continue;
            db.ImageCrops.AddRange(crops.Select(c => new ImageCrop { ImageId = id, Ratio = c.Ratio, Width = c.Width, Height = c.Height, Data = c.Data }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done++;
        }
        return done;
    }

    /// <summary>The newest uploads, for the admin's picker.</summary>
    public Task<List<ImageSizes>> LatestAsync(int count, CancellationToken ct) =>
        db.Images.AsNoTracking().OrderByDescending(i => i.Id).Take(count)
            .Select(i => new { i.Key, i.Alt, Variants = i.Variants.Select(v => new { v.Width, v.Height }).ToList() })
            .AsAsyncEnumerable().Select(i => new ImageSizes(i.Key, i.Alt, i.Variants.Select(v => (v.Width, v.Height)).ToList()))
            .ToListAsync(ct).AsTask();

    /// <summary>The uploaded images a Markdown text shows, by key, for <see cref="MarkdownRenderer"/>.</summary>
    public static async Task<Dictionary<string, ImageSizes>> ReferencedAsync(GoldfederDb db, string markdown, CancellationToken ct)
    {
        var keys = ImageUrl().Matches(markdown).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (keys.Count == 0) return [];
        var found = await db.Images.AsNoTracking().Where(i => keys.Contains(i.Key))
            .Select(i => new { i.Key, i.Alt, i.Credit, Variants = i.Variants.Select(v => new { v.Width, v.Height }).ToList() })
            .ToListAsync(ct);
        return found.ToDictionary(i => i.Key, i => new ImageSizes(i.Key, i.Alt, i.Variants.Select(v => (v.Width, v.Height)).OrderBy(v => v.Width).ToList(), i.Credit));
    }

    /// <summary>An uploaded image's address: <c>/bilder/KEY-WIDTH.webp</c>.</summary>
    [GeneratedRegex(@"/bilder/([0-9a-f]{16})-(\d{1,5})\.webp")]
    public static partial Regex ImageUrl();

    /// <summary>A crop's address: <c>/bilder/KEY-16x9.webp</c>.</summary>
    [GeneratedRegex(@"^/bilder/([0-9a-f]{16})-(16x9|4x3|1x1)\.webp$")]
    public static partial Regex CropUrl();
}
