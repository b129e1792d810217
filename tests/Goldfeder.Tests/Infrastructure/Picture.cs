using SkiaSharp;

namespace Goldfeder.Tests.Infrastructure;

public static class Picture
{
    /// <summary>A real PNG (a plain gradient), made with the library the site uses.</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Goldenrod, SKColors.SaddleBrown], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
