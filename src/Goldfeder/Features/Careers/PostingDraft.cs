using Goldfeder.Common;
using System.Globalization;

namespace Goldfeder.Features.Careers;

/// <summary>What HR submits for a posting; dates in Europe/Berlin.</summary>
public sealed class PostingDraft
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Location { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public EmploymentType EmploymentType { get; set; }
    public string? Start { get; set; }
    public string? Teaser { get; set; }
    public string? Description { get; set; }
    public string? Offer { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public ContactNoun ContactNoun { get; set; }
    public int? SalaryMin { get; set; }
    public int? SalaryMax { get; set; }
    public SalaryUnit SalaryUnit { get; set; } = SalaryUnit.Year;

    /// <summary>The last day of the posting (yyyy-MM-dd, Berlin); empty: open until closed.</summary>
    public string? ValidThrough { get; set; }
    public PostingStatus Status { get; set; } = PostingStatus.Draft;

    public static PostingDraft From(JobPosting p) => new()
    {
        Title = p.Title,
        Slug = p.Slug,
        Location = p.Location,
        StreetAddress = p.StreetAddress,
        PostalCode = p.PostalCode,
        Region = p.Region,
        EmploymentType = p.EmploymentType,
        Start = p.Start,
        Teaser = p.Teaser,
        Description = p.DescriptionMarkdown,
        Offer = p.OfferMarkdown,
        ContactName = p.ContactName,
        ContactEmail = p.ContactEmail,
        ContactNoun = p.ContactNoun,
        SalaryMin = p.SalaryMin,
        SalaryMax = p.SalaryMax,
        SalaryUnit = p.SalaryUnit,
        ValidThrough = p.ValidThroughUtc is { } end ? LastDay(end) : null,
        Status = p.Status,
    };

    /// <summary>The Berlin date of the last day, from the stored end (the next day's midnight in Berlin).</summary>
    private static string LastDay(DateTime endUtc) => BerlinTime.ToBerlin(endUtc).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
