using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Goldfeder.Common;

/// <summary>
/// HTTP caching for what anonymous readers get (RFC 9111, RFC 9110 §8.8 and §13): every output-cached answer that is
/// public (200, no cookie set, no login) gets <c>Cache-Control</c> for shared caches (a minute fresh, ten minutes
/// served stale while revalidating) and a strong <c>ETag</c> over the bytes sent, so a repeated request with
/// <c>If-None-Match</c> gets 304 without a body. Sits just inside the output cache: the cache stores these headers with
/// the page and answers later conditional requests itself; and outside compression, so each encoding has its own tag.
/// Fingerprinted static assets carry <c>immutable</c> from MapStaticAssets, uploaded images from their endpoint.
/// </summary>
public sealed class PublicPageHeaders(RequestDelegate next)
{
    public const string CacheControl = "public, max-age=60, stale-while-revalidate=600";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) || http.Features.Get<IOutputCacheFeature>() is null)
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var response = http.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && http.User.Identity?.IsAuthenticated != true && !response.HasStarted)
        {
            if (string.IsNullOrEmpty(response.Headers.CacheControl)) response.Headers.CacheControl = CacheControl;
            var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
            response.Headers.ETag = tag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(tag)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }
}
