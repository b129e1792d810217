using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles.Images;

/// <summary>
/// A centred crop of an <see cref="Image"/> in one of the aspect ratios Google asks for in article structured data
/// (16:9, 4:3, 1:1; https://developers.google.com/search/docs/appearance/structured-data/article). The 16:9 crop is
/// also the picture for shares (OpenGraph, 1200×675).
/// </summary>
public class ImageCrop
{
    public int ImageId { get; set; }

    /// <summary>"16x9", "4x3" or "1x1", as in the address.</summary>
    public required string Ratio { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required byte[] Data { get; set; }

    public const string ContentType = "image/webp";

    /// <summary>In the order the structured data lists them.</summary>
    public static readonly (string Name, int Across, int Down)[] Ratios = [("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1)];

    public static string UrlOf(string key, string ratio) => $"{ImageVariant.Route}/{key}-{ratio}.webp";
}

internal sealed class ImageCropConfiguration : IEntityTypeConfiguration<ImageCrop>
{
    public const string Table = "ImageCrops";

    public void Configure(EntityTypeBuilder<ImageCrop> c)
    {
        c.ToTable(Table);
        c.HasKey(x => new { x.ImageId, x.Ratio });
        c.Property(x => x.Ratio).HasMaxLength(8);
        c.HasOne<Image>().WithMany(i => i.Crops).HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
