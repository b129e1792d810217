namespace Goldfeder.Features.Articles.Images;

/// <summary>Configuration section <c>Images</c>.</summary>
public sealed class ImageOptions
{
    /// <summary>Largest upload accepted, in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest picture decoded, in pixels: a small file can unpack into gigabytes (a decompression bomb).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The widths made of each upload; none wider than the original (no upscaling). Unset: 480, 960, 1600.</summary>
    public int[]? Widths { get; set; }

    // Not a default on Widths itself: the configuration binder appends to an array that already has items.
    public int[] EffectiveWidths => Widths is { Length: > 0 } w ? [.. w.Order()] : [480, 960, 1600];

    /// <summary>WebP quality, 0–100.</summary>
    public int Quality { get; set; } = 80;
}
