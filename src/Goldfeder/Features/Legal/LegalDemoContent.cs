using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal;

/// <summary>
/// German placeholders for the two legal pages (with <c>DemoContent:Load</c>), marked as such in the text and as
/// <see cref="LegalPage.IsPlaceholder"/>, so the admin's notice stays until the Admin saves the real text. A page that
/// exists is left alone.
/// </summary>
public static class LegalDemoContent
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Features", "Legal", "DemoContent");

    public static async Task LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var existing = await db.LegalPages.Select(p => p.Slug).ToListAsync(ct);
        foreach (var slug in LegalPageKinds.All.Except(existing))
        {
            var markdown = (await File.ReadAllTextAsync(Path.Combine(Folder, slug + ".md"), ct)).Trim();
            db.LegalPages.Add(new LegalPage
            {
                Slug = slug, Markdown = markdown, Html = MarkdownRenderer.ToSafeHtml(markdown),
                IsPlaceholder = true, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another instance loaded them first */ }
    }
}
