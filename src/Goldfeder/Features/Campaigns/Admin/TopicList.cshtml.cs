using Goldfeder.Common;
using Goldfeder.Features.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Features.Campaigns.Admin;

/// <summary>
/// The newsletter's topics for Admin and Marketing: add, rename, describe, order, retire and bring back. Never deleted:
/// the consent ledger points at them. A change to what is offered makes the next signup's consent text a new version.
/// Lives in Campaigns' admin folder for its roles; the topics are the newsletter's, changed through its service.
/// </summary>
public sealed class TopicListModel(NewsletterTopics topics, AuditLog audit, IOutputCacheStore cache) : PageModel
{
    public List<NewsletterTopics.Topic> Topics { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = [];
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "beschreibung")] public string? Description { get; set; }
    public int? EditedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Topics = await topics.AllAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync([FromForm(Name = "id")] int? id, CancellationToken ct)
    {
        var errors = await topics.SaveAsync(id, Name, Description, ct);
        if (errors.Count > 0)
        {
            Errors = errors;
            EditedId = id;
            Topics = await topics.AllAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.RecordAsync(Actor, id is null ? "topic.create" : "topic.update", $"Thema {Name?.Trim()}", null, Description?.Trim(), ct: ct);
        await cache.EvictByTagAsync(PublicCache.Tag, ct); // every page's newsletter box shows the topics
        return Redirect("/admin/newsletter/themen");
    }

    public async Task<IActionResult> OnPostRetireAsync([FromForm(Name = "id")] int id, [FromForm(Name = "ruhend")] bool retired, CancellationToken ct)
    {
        if (await topics.SetRetiredAsync(id, retired, ct)) await audit.RecordAsync(Actor, retired ? "topic.retire" : "topic.restore", $"Thema {id}", ct: ct);
        await cache.EvictByTagAsync(PublicCache.Tag, ct);
        return Redirect("/admin/newsletter/themen");
    }

    public async Task<IActionResult> OnPostMoveAsync([FromForm(Name = "id")] int id, [FromForm(Name = "richtung")] int direction, CancellationToken ct)
    {
        await topics.MoveAsync(id, direction, ct);
        await cache.EvictByTagAsync(PublicCache.Tag, ct);
        return Redirect("/admin/newsletter/themen");
    }

    private string Actor => User.Identity?.Name ?? "?";
}
