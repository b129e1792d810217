using System.Net.Http.Headers;
using System.Text;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>Applications as a browser sends them (multipart), PDFs and hostile files, and an app whose file store is a throwaway folder.</summary>
public static class CareersFixtures
{
    public const string Advisor = "kundenberater-in-edelmetalle";
    public const string Vault = "mitarbeiter-in-tresorlogistik";

    /// <summary>Settings for an app whose uploads go to a folder of its own (returned, for looking at the files).</summary>
    public static (Dictionary<string, string?> Settings, string Folder) Settings(Dictionary<string, string?>? more = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "goldfeder-tests", "files-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(more ?? []) { ["Careers:FileStore:Path"] = folder };
        settings.TryAdd("Careers:ApplicationsPerIpPerWindow", "1000");
        return (settings, folder);
    }

    /// <summary>A small, valid PDF (one empty page).</summary>
    public static byte[] Pdf(string marker = "Lebenslauf") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% " + marker + "\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public sealed record Upload(string Field, string FileName, byte[] Content, string ContentType = "application/pdf");

    public static MultipartFormDataContent Form(
        string name = "Erika Mustermann", string email = "erika@example.de", string phone = "+49 171 2345678",
        string message = "Ich freue mich auf das Gespräch.", bool privacy = true, string website = "", params Upload[] files)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(email), "email");
        form.Add(new StringContent(phone), "telefon");
        form.Add(new StringContent(message), "nachricht");
        form.Add(new StringContent(website), "website");
        if (privacy) form.Add(new StringContent("ja"), "datenschutz");
        foreach (var f in files.Length == 0 ? [new Upload("lebenslauf", "lebenslauf.pdf", Pdf())] : files)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            form.Add(part, f.Field, f.FileName);
        }
        return form;
    }

    public static Task<HttpResponseMessage> ApplyAsync(this GoldfederApp app, string slug, MultipartFormDataContent form) =>
        app.Browser().PostAsync($"/karriere/{slug}", form);

    public static Task<List<Application>> ApplicationsAsync(this GoldfederApp app) =>
        app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Applications.AsNoTracking().Include(a => a.Files).OrderBy(a => a.Id).ToListAsync());

    public static Task<JobPosting> PostingAsync(this GoldfederApp app, string slug) =>
        app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.AsNoTracking().SingleAsync(p => p.Slug == slug));

    public static string[] StoredFiles(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
}
