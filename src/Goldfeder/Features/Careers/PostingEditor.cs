using Goldfeder.Common;
using System.Globalization;
using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>Checks HR's draft and applies it to a posting; the save itself goes through <see cref="PostingSaver"/>.</summary>
public sealed class PostingEditor(GoldfederDb db)
{
    /// <summary>Routes beside /karriere/{slug} that a posting's slug must not shadow.</summary>
    private static readonly string[] Reserved = ["danke"];

    public static string StatusLabel(PostingStatus s) => s switch
    {
        PostingStatus.Draft => "Entwurf",
        PostingStatus.Published => "Veröffentlicht",
        _ => "Geschlossen",
    };

    public static string EmploymentLabel(EmploymentType t) => t switch
    {
        EmploymentType.FullTime => "Vollzeit",
        EmploymentType.PartTime => "Teilzeit",
        EmploymentType.Contractor => "Freie Mitarbeit",
        EmploymentType.Temporary => "Befristet",
        EmploymentType.Intern => "Praktikum",
        EmploymentType.Volunteer => "Ehrenamt",
        EmploymentType.PerDiem => "Tageweise",
        _ => "Sonstiges",
    };

    public static string SalaryUnitLabel(SalaryUnit u) => u switch { SalaryUnit.Hour => "pro Stunde", SalaryUnit.Month => "pro Monat", _ => "pro Jahr" };

    private static readonly CultureInfo German = Goldfeder.Common.GermanCount.Culture;

    /// <summary>"42.000 – 48.000 € pro Jahr", or null without a salary.</summary>
    public static string? SalaryText(JobPosting p)
    {
        if (p.SalaryMin is null && p.SalaryMax is null) return null;
        var amount = p.SalaryMin is { } min && p.SalaryMax is { } max && min != max
            ? $"{min.ToString("N0", German)} – {max.ToString("N0", German)} €"
            : $"{(p.SalaryMin ?? p.SalaryMax)!.Value.ToString("N0", German)} €";
        return $"{amount} {SalaryUnitLabel(p.SalaryUnit)}";
    }

    public async Task<Dictionary<string, string>> ApplyAsync(PostingDraft d, JobPosting p, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var title = d.Title?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(d.Slug) ? Slug.From(title) : d.Slug.Trim();
        var contactEmail = d.ContactEmail?.Trim() ?? "";

        Required(errors, "Title", title, 200, "Bitte geben Sie den Stellentitel ein.");
        Required(errors, "Location", d.Location, 100, "Bitte geben Sie den Arbeitsort ein.");
        Required(errors, "Teaser", d.Teaser, 500, "Bitte geben Sie einen kurzen Anreißer ein.");
        if (string.IsNullOrWhiteSpace(d.Description)) errors["Description"] = "Bitte beschreiben Sie die Stelle.";
        else if (d.Description.Length > 50_000) errors["Description"] = "Die Beschreibung ist zu lang (höchstens 50.000 Zeichen).";
        else if (MarkdownRenderer.Problem(d.Description) is { } unrenderable) errors["Description"] = unrenderable;
        if ((d.Offer ?? "").Length > 50_000) errors["Offer"] = "Das Angebot ist zu lang (höchstens 50.000 Zeichen).";
        else if (MarkdownRenderer.Problem(d.Offer ?? "") is { } unrenderableOffer) errors["Offer"] = unrenderableOffer;
        if (!Slug.IsValid(slug)) errors["Slug"] = "Die Adresse darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten.";
        else if (Reserved.Contains(slug)) errors["Slug"] = $"Die Adresse „{slug}“ ist für die Website reserviert.";
        else if (await db.JobPostings.AnyAsync(x => x.Slug == slug && x.Id != p.Id, ct)) errors["Slug"] = $"Die Adresse „{slug}“ ist schon vergeben.";
        if (contactEmail.Length > 0)
        {
            if (EmailAddress.TryNormalize(contactEmail, out var normalized, out var emailError)) contactEmail = normalized;
            else errors["ContactEmail"] = emailError;
        }
        if (d.SalaryMin < 0 || d.SalaryMax < 0 || d.SalaryMin > d.SalaryMax) errors["Salary"] = "Bitte geben Sie ein gültiges Gehalt an (von ≤ bis).";
        DateTime? validThrough = null;
        if (!string.IsNullOrWhiteSpace(d.ValidThrough))
        {
            if (DateTime.TryParseExact(d.ValidThrough, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay))
                validThrough = TimeZoneInfo.ConvertTimeToUtc(lastDay.AddDays(1), BerlinTime.Zone);
            else errors["ValidThrough"] = "Bitte geben Sie das Enddatum als Datum an.";
        }
        if (errors.Count > 0) return errors;

        p.Title = title;
        p.Slug = slug;
        p.Location = d.Location!.Trim();
        p.StreetAddress = Optional(d.StreetAddress);
        p.PostalCode = Optional(d.PostalCode);
        p.Region = Optional(d.Region);
        p.EmploymentType = d.EmploymentType;
        p.Start = d.Start?.Trim() ?? "";
        p.Teaser = d.Teaser!.Trim();
        p.DescriptionMarkdown = d.Description!;
        p.OfferMarkdown = d.Offer ?? "";
        p.ContactName = d.ContactName?.Trim() ?? "";
        p.ContactEmail = contactEmail;
        p.ContactNoun = d.ContactNoun;
        p.SalaryMin = d.SalaryMin;
        p.SalaryMax = d.SalaryMax;
        p.SalaryUnit = d.SalaryUnit;
        p.ValidThroughUtc = validThrough;
        p.Status = d.Status;
        return errors;
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, int max, string message)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) errors[field] = message;
        else if (v.Length > max) errors[field] = $"Höchstens {max} Zeichen, bitte.";
    }

    private static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The fields the audit log keeps before and after a change (no applicant data in a posting).</summary>
    public static string Snapshot(JobPosting p) => JsonSerializer.Serialize(new
    {
        p.Title,
        p.Slug,
        p.Location,
        Status = p.Status.ToString(),
        p.ValidThroughUtc,
        p.DescriptionMarkdown,
        p.OfferMarkdown,
    });
}
