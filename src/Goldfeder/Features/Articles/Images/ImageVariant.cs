using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles.Images;

/// <summary>One width of an <see cref="Image"/>, as served.</summary>
public class ImageVariant
{
    public int ImageId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }

    public const string Route = "/bilder";

    public static string UrlOf(string key, int width) => $"{Route}/{key}-{width}.webp";
}

internal sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public const string Table = "Images";

    public void Configure(EntityTypeBuilder<Image> i)
    {
        i.ToTable(Table);
        i.Property(x => x.Key).HasMaxLength(32);
        i.HasIndex(x => x.Key).IsUnique();
        i.Property(x => x.Alt).HasMaxLength(300);
        i.Property(x => x.Credit).HasMaxLength(ImageStore.MaxCredit);
        i.Property(x => x.UploadedBy).HasMaxLength(320);
        i.HasMany(x => x.Variants).WithOne().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImageVariantConfiguration : IEntityTypeConfiguration<ImageVariant>
{
    public const string Table = "ImageVariants";

    public void Configure(EntityTypeBuilder<ImageVariant> v)
    {
        v.ToTable(Table);
        v.HasKey(x => new { x.ImageId, x.Width });
        v.Property(x => x.ContentType).HasMaxLength(50);
    }
}
