using SkiaSharp;

namespace Goldfeder.Features.Articles.Images;

/// <summary>
/// Checks that bytes are a JPEG, PNG or WebP by their content (magic bytes, then a full decode with SkiaSharp), and
/// re-encodes them as WebP in the configured widths. SkiaSharp rather than ImageSharp: the only licence-free
/// ImageSharp (2.1.13) has reported flaws with crafted images; Skia's decoders are Chromium's.
/// </summary>
public static class ImageResizer
{
    public sealed record Resized(int Width, int Height, byte[] Data);

    public sealed record Cropped(string Ratio, int Width, int Height, byte[] Data);

    /// <summary>Crops are at most this wide: the size Google and the share previews show.</summary>
    public const int CropWidth = 1200;

    /// <summary>Google ignores article images under 50,000 pixels (width × height).</summary>
    public const int MinCropPixels = 50_000;

    public static bool LooksLikeImage(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8);

    /// <summary>The original's size (upright) and its variants, widest last.</summary>
    public static (int Width, int Height, List<Resized> Variants, List<Cropped> Crops) Resize(byte[] data, ImageOptions options)
    {
        using var upright = Decode(data, options);
        var widths = options.EffectiveWidths.Where(w => w < upright.Width).ToList();
        // Never upscaled: the original's own width stands in for every configured width above it.
        if (widths.Count < options.EffectiveWidths.Length) widths.Add(upright.Width);
        var variants = new List<Resized>();
        foreach (var width in widths.Distinct().Order())
        {
            var height = Math.Max(1, (int)Math.Round((double)upright.Height * width / upright.Width));
            variants.Add(new Resized(width, height, Encode(upright, new SKRectI(0, 0, upright.Width, upright.Height), width, height, options.Quality)));
        }
        return (upright.Width, upright.Height, variants, Crops(upright, options.Quality));
    }

    /// <summary>The centred crops in every ratio of <see cref="ImageCrop.Ratios"/> that stay above <see cref="MinCropPixels"/>.</summary>
    public static List<Cropped> Crops(byte[] data, ImageOptions options)
    {
        using var upright = Decode(data, options);
        return Crops(upright, options.Quality);
    }

    private static List<Cropped> Crops(SKBitmap upright, int quality)
    {
        var crops = new List<Cropped>();
        foreach (var (name, across, down) in ImageCrop.Ratios)
        {
            // The largest centred rectangle of this ratio, then scaled down (never up) to CropWidth.
            var (w, h) = (long)upright.Width * down > (long)upright.Height * across
                ? (upright.Height * across / down, upright.Height)
                : (upright.Width, upright.Width * down / across);
            var source = SKRectI.Create((upright.Width - w) / 2, (upright.Height - h) / 2, w, h);
            var width = Math.Min(w, CropWidth);
            var height = width == w ? h : (int)((long)width * down / across);
            if ((long)width * height < MinCropPixels) continue;
            crops.Add(new Cropped(name, width, height, Encode(upright, source, width, height, quality)));
        }
        return crops;
    }

    private static byte[] Encode(SKBitmap upright, SKRectI source, int width, int height, int quality)
    {
        using var target = new SKBitmap(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(upright))
            canvas.DrawImage(image, source, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var result = SKImage.FromBitmap(target);
        using var encoded = result.Encode(SKEncodedImageFormat.Webp, quality)
            ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
        return encoded.ToArray();
    }

    /// <summary>Checks the bytes and decodes them, turned upright.</summary>
    private static SKBitmap Decode(byte[] data, ImageOptions options)
    {
        if (!LooksLikeImage(data))
            throw new ImageRejectedException("Die Datei ist kein Bild im Format JPEG, PNG oder WebP.");
        using var codec = SKCodec.Create(new SKMemoryStream(data))
            ?? throw new ImageRejectedException("Die Bilddatei ist beschädigt und kann nicht gelesen werden.");
        if ((long)codec.Info.Width * codec.Info.Height > options.MaxPixels)
            throw new ImageRejectedException($"Das Bild hat zu viele Bildpunkte (höchstens {options.MaxPixels / 1_000_000} Megapixel).");

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new ImageRejectedException("Die Bilddatei ist beschädigt und kann nicht gelesen werden.");
        return Upright(decoded, codec.EncodedOrigin);
    }

    /// <summary>Phones store pictures sideways and say so in EXIF; the variants are turned upright, since they lose the EXIF.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (width, height, degrees) = origin switch
        {
            SKEncodedOrigin.BottomRight => (bitmap.Width, bitmap.Height, 180),
            SKEncodedOrigin.RightTop => (bitmap.Height, bitmap.Width, 90),
            SKEncodedOrigin.LeftBottom => (bitmap.Height, bitmap.Width, 270),
            _ => (bitmap.Width, bitmap.Height, 0),
        };
        var turned = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(turned);
        canvas.Translate(width / 2f, height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }
}
