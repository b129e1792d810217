using System.Globalization;

namespace Goldfeder.Features.Articles.Images;

public static class ImageEndpoints
{
    /// <summary>
    /// <c>GET /bilder/KEY-WIDTH.webp</c>. A variant never changes under its address (a new upload gets a new key), so
    /// browsers and proxies may keep it for a year without asking again.
    /// </summary>
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ImageVariant.Route + "/{file}", async Task<IResult> (string file, ImageStore store, HttpContext http, CancellationToken ct) =>
        {
            var match = ImageStore.ImageUrl().Match(ImageVariant.Route + "/" + file);
            if (!match.Success || match.Length != ImageVariant.Route.Length + 1 + file.Length) return Results.NotFound();
            var variant = await store.VariantAsync(match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), ct);
            if (variant is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(variant.Data, variant.ContentType);
        });
        return app;
    }
}
