using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>An author's bio and photo as the author page shows them; the photo is the square crop where there is one.</summary>
public sealed record AuthorCard(string Bio, string? PhotoUrl, int PhotoSize, string PhotoCredit)
{
    public static async Task<AuthorCard?> ForAsync(GoldfederDb db, string slug, CancellationToken ct) =>
        (await ForManyAsync(db, [slug], ct)).GetValueOrDefault(slug);

    /// <summary>The cards of several authors with two queries, whatever their number (the admin's list).</summary>
    public static async Task<Dictionary<string, AuthorCard>> ForManyAsync(GoldfederDb db, IReadOnlyCollection<string>? slugs, CancellationToken ct)
    {
        var profiles = await db.AuthorProfiles.AsNoTracking().Where(p => slugs == null || slugs.Contains(p.Slug)).ToListAsync(ct);
        var imageIds = profiles.Select(p => p.PhotoImageId).OfType<int>().ToList();
        var images = await db.Images.AsNoTracking().Where(i => imageIds.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Key, i.Credit,
                Square = i.Crops.Where(c => c.Ratio == "1x1").Select(c => (int?)c.Width).FirstOrDefault(),
                Smallest = i.Variants.OrderBy(v => v.Width).Select(v => new { v.Width, v.Height }).First(),
            })
            .ToDictionaryAsync(i => i.Id, ct);
        return profiles.ToDictionary(p => p.Slug, p =>
            p.PhotoImageId is not { } id || !images.TryGetValue(id, out var image) ? new AuthorCard(p.Bio, null, 0, "")
            : image.Square is { } side ? new AuthorCard(p.Bio, Images.ImageCrop.UrlOf(image.Key, "1x1"), side, image.Credit)
            : new AuthorCard(p.Bio, Images.ImageVariant.UrlOf(image.Key, image.Smallest.Width), Math.Min(image.Smallest.Width, image.Smallest.Height), image.Credit));
    }
}
