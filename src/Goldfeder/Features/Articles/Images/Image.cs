namespace Goldfeder.Features.Articles.Images;

/// <summary>
/// An uploaded picture for articles. The original is not kept: only its resized variants, re-encoded by us, so nothing
/// a crafted upload carried (metadata, trailing bytes, polyglots) is ever served.
/// </summary>
public class Image
{
    public int Id { get; set; }

    /// <summary>Random and never reused: the variants' addresses never change, so they can be cached for a year.</summary>
    public required string Key { get; set; }

    public required string Alt { get; set; }

    /// <summary>Who took the picture, shown under it as "Foto: …" (required at upload; older uploads may have none).</summary>
    public string Credit { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string UploadedBy { get; set; }
    public List<ImageVariant> Variants { get; set; } = [];
    public List<ImageCrop> Crops { get; set; } = [];

    /// <summary>The address the Markdown names: the largest variant, which the renderer turns into a srcset.</summary>
    public string Url => ImageVariant.UrlOf(Key, Variants.Max(v => v.Width));
}
