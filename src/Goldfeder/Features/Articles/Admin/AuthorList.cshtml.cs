using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Articles.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.Admin;

/// <summary><c>/admin/autoren</c>: a short bio and a photo for each byline, shown on its author page.</summary>
public sealed class AuthorListModel(GoldfederDb db, ImageStore images, AuditLog audit, IOutputCacheStore cache, TimeProvider clock) : PageModel
{
    public sealed record Row(string Slug, string Name, string Bio, string? PhotoUrl);

    public List<Row> Authors { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorFor { get; private set; }
    public string? Saved { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "gespeichert")] string? gespeichert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Saved = gespeichert;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? slug, string? bio, IFormFile? foto, string? nachweis, bool fotoEntfernen, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var name = await BylineAsync(slug ?? "", ct);
        if (name is null) return NotFound();
        var text = bio?.Trim() ?? "";
        if (text.Length > AuthorProfile.MaxBio)
            return await RefuseAsync(slug!, $"Die Kurzbiografie von {name} darf höchstens {AuthorProfile.MaxBio} Zeichen haben (jetzt {text.Length}).", ct);

        var actor = User.Identity?.Name ?? "?";
        var profile = await db.AuthorProfiles.FindAsync([slug], ct);
        var before = profile is null ? "" : Describe(profile);
        profile ??= db.AuthorProfiles.Add(new AuthorProfile { Slug = slug!, Name = name }).Entity;
        profile.Name = name;
        profile.Bio = text;
        if (fotoEntfernen) profile.PhotoImageId = null;
        else if (foto is { Length: > 0 })
        {
            try
            {
                await using var stream = foto.OpenReadStream();
                var image = await images.UploadAsync(stream, foto.Length, $"Foto von {name}", nachweis, actor, ct);
                profile.PhotoImageId = image.Id;
            }
            catch (ImageRejectedException e)
            {
                db.ChangeTracker.Clear();
                return await RefuseAsync(slug!, e.Message, ct);
            }
        }
        profile.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "author.describe", $"/autor/{slug}", before, Describe(profile), ct);
        await cache.EvictByTagAsync(PublicCache.Tag, ct);
        return Redirect($"/admin/autoren?gespeichert={slug}");
    }

    private static string Describe(AuthorProfile p) => $"{p.Bio}{(p.PhotoImageId is null ? "" : $" (Foto Nr. {p.PhotoImageId})")}";

    private async Task<IActionResult> RefuseAsync(string slug, string message, CancellationToken ct)
    {
        Error = message;
        ErrorFor = slug;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The byline (as editors typed it) whose slug this is, from any article, published or not.</summary>
    private async Task<string?> BylineAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return null;
        var bylines = await db.Articles.AsNoTracking().Where(a => a.Author != "").Select(a => a.Author).Distinct().ToListAsync(ct);
        return bylines.Order(StringComparer.Ordinal).FirstOrDefault(b => Slug.From(b) == slug);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bylines = await db.Articles.AsNoTracking().Where(a => a.Author != "").Select(a => a.Author).Distinct().ToListAsync(ct);
        var cards = await AuthorCard.ForManyAsync(db, null, ct);
        var rows = new List<Row>();
        foreach (var group in bylines.GroupBy(b => Slug.From(b)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var card = cards.GetValueOrDefault(group.Key);
            rows.Add(new Row(group.Key, group.Order(StringComparer.Ordinal).First(), card?.Bio ?? "", card?.PhotoUrl));
        }
        Authors = rows;
    }
}
