using System.Globalization;

namespace Goldfeder.Features.Articles.Images;

public static class ImageEndpoints
{
    /// <summary>
    /// <c>GET /bilder/KEY-WIDTH.webp</c> and the crops <c>GET /bilder/KEY-16x9.webp</c> (4x3, 1x1). A variant never changes under its address (a new upload gets a new key), so
    /// browsers and proxies may keep it for a year without asking again.
    /// </summary>
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ImageVariant.Route + "/{file}", async Task<IResult> (string file, ImageStore store, HttpContext http, CancellationToken ct) =>
        {
            var path = ImageVariant.Route + "/" + file;
            if (ImageStore.CropUrl().Match(path) is { Success: true } crop)
            {
                var cropped = await store.CropAsync(crop.Groups[1].Value, crop.Groups[2].Value, ct);
                if (cropped is null) return Results.NotFound();
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.File(cropped.Data, ImageCrop.ContentType);
            }
            var match = ImageStore.ImageUrl().Match(path);
            if (!match.Success || match.Length != ImageVariant.Route.Length + 1 + file.Length) return Results.NotFound();
            var variant = await store.VariantAsync(match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), ct);
            if (variant is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(variant.Data, variant.ContentType);
        });
        return app;
    }
}
