namespace Goldfeder.Features.Articles.Images;

/// <summary>The sizes of an uploaded image's variants, for the renderer's srcset (no image bytes).</summary>
public sealed record ImageSizes(string Key, string Alt, List<(int Width, int Height)> Variants, string Credit = "");
