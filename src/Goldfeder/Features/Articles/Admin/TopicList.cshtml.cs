using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles.Admin;

/// <summary><c>/admin/themen</c>: the short descriptions of topic pages. Categories and tags are created by the editor's article form.</summary>
public sealed class TopicListModel(GoldfederDb db, AuditLog audit, IOutputCacheStore cache) : PageModel
{
    public sealed record Row(string Kind, int Id, string Name, string Slug, string Description);

    public List<Row> Topics { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "gespeichert")] string? gespeichert, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Saved = gespeichert;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? kind, int id, string? description, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var text = description?.Trim() ?? "";
        Topic? topic = kind == "rubrik" ? await db.Categories.FindAsync([id], ct) : kind == "schlagwort" ? await db.Tags.FindAsync([id], ct) : null;
        if (topic is null) return NotFound();
        if (text.Length > Topic.MaxDescription)
        {
            Error = $"Die Beschreibung von „{topic.Name}“ darf höchstens {Topic.MaxDescription} Zeichen haben (jetzt {text.Length}).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var before = topic.Description;
        topic.Description = text;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User.Identity?.Name ?? "?", "topic.describe", $"/thema/{topic.Slug}", before, text, ct);
        await cache.EvictByTagAsync(PublicCache.Tag, ct);
        return Redirect($"/admin/themen?gespeichert={topic.Slug}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new Row("rubrik", c.Id, c.Name, c.Slug, c.Description)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new Row("schlagwort", t.Id, t.Name, t.Slug, t.Description)).ToListAsync(ct);
        Topics = [.. categories, .. tags];
    }
}
