using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Goldfeder.Common;

namespace Goldfeder.Features.Careers;

/// <summary>
/// Loads the postings in DemoContent/ (front matter + Markdown description), published, so that a fresh start shows a
/// working careers section. Idempotent like the articles' demo content: a slug that exists is left alone, so restarts
/// duplicate nothing and never undo HR's edit (nor bring back a posting HR closed).
/// </summary>
public static class CareersDemoContent
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Features", "Careers", "DemoContent");

    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var saver = scope.ServiceProvider.GetRequiredService<PostingSaver>();
        var existing = await db.JobPostings.Select(p => p.Slug).ToListAsync(ct);
        var added = 0;
        foreach (var path in Directory.GetFiles(Folder, "*.md").Order(StringComparer.Ordinal))
        {
            var (meta, body) = Parse(path);
            if (existing.Contains(meta.Slug)) continue;
            await saver.SaveAsync(new JobPosting
            {
                Slug = meta.Slug,
                Title = meta.Title,
                Location = meta.Location,
                PostalCode = meta.PostalCode,
                Region = meta.Region,
                EmploymentType = meta.EmploymentType,
                Start = meta.Start,
                Teaser = meta.Teaser,
                DescriptionMarkdown = body,
                OfferMarkdown = meta.Offer,
                ContactName = meta.ContactName,
                ContactEmail = meta.ContactEmail,
                Status = PostingStatus.Published,
            }, ct);
            added++;
        }
        return added;
    }

    private static (FrontMatter Meta, string Body) Parse(string path)
    {
        var (meta, body) = FrontMatterFile.Read<FrontMatter>(path);
        if (string.IsNullOrWhiteSpace(meta.Slug) || string.IsNullOrWhiteSpace(meta.Title) || string.IsNullOrWhiteSpace(meta.Location))
            throw new InvalidDataException($"{path}: front matter needs slug, title and location.");
        return (meta, body);
    }

    private sealed class FrontMatter
    {
        public string Slug { get; set; } = "";
        public string Title { get; set; } = "";
        public string Location { get; set; } = "";
        public string? PostalCode { get; set; }
        public string? Region { get; set; }
        public EmploymentType EmploymentType { get; set; }
        public string Start { get; set; } = "";
        public string Teaser { get; set; } = "";
        public string Offer { get; set; } = "";
        public string ContactName { get; set; } = "";
        public string ContactEmail { get; set; } = "";
    }
}
