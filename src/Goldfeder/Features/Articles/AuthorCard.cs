using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>An author's bio and photo as the author page shows them; the photo is the square crop where there is one.</summary>
public sealed record AuthorCard(string Bio, string? PhotoUrl, int PhotoSize, string PhotoCredit)
{
    public static async Task<AuthorCard?> ForAsync(GoldfederDb db, string slug, CancellationToken ct)
    {
        var profile = await db.AuthorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (profile is null) return null;
        if (profile.PhotoImageId is not { } imageId) return new AuthorCard(profile.Bio, null, 0, "");
        var image = await db.Images.AsNoTracking().Where(i => i.Id == imageId)
            .Select(i => new
            {
                i.Key, i.Credit,
                Square = i.Crops.Where(c => c.Ratio == "1x1").Select(c => (int?)c.Width).FirstOrDefault(),
                Smallest = i.Variants.OrderBy(v => v.Width).Select(v => new { v.Width, v.Height }).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (image is null) return new AuthorCard(profile.Bio, null, 0, "");
        return image.Square is { } side
            ? new AuthorCard(profile.Bio, Images.ImageCrop.UrlOf(image.Key, "1x1"), side, image.Credit)
            : new AuthorCard(profile.Bio, Images.ImageVariant.UrlOf(image.Key, image.Smallest.Width), Math.Min(image.Smallest.Width, image.Smallest.Height), image.Credit);
    }
}
