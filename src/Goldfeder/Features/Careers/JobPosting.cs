using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Careers;

public class JobPosting
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>The city as readers see it ("Boxberg"); with the address fields it makes schema.org's jobLocation.</summary>
    public required string Location { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public string Country { get; set; } = "DE";

    public EmploymentType EmploymentType { get; set; }

    /// <summary>Free text: "ab sofort", "zum 01.04.2027".</summary>
    public string Start { get; set; } = "";
    public required string Teaser { get; set; }
    public required string DescriptionMarkdown { get; set; }

    /// <summary>Sanitised HTML rendered when the posting is saved, never per request.</summary>
    public string DescriptionHtml { get; set; } = "";
    public string OfferMarkdown { get; set; } = "";
    public string OfferHtml { get; set; } = "";

    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>How the confirmation names the contact ("Ihre Ansprechpartnerin ist …").</summary>
    public ContactNoun ContactNoun { get; set; }

    public int? SalaryMin { get; set; }
    public int? SalaryMax { get; set; }
    public SalaryUnit SalaryUnit { get; set; } = SalaryUnit.Year;

    public PostingStatus Status { get; set; }

    /// <summary>Set when first published; the list's order and schema.org's datePosted.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The end of the posting's last day (Berlin). After it the posting is filled: off the list, no form, no JSON-LD.</summary>
    public DateTime? ValidThroughUtc { get; set; }

    /// <summary>When HR closed it; the retention period of its applications starts here (or at <see cref="ValidThroughUtc"/>).</summary>
    public DateTime? ClosedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool IsOpen(DateTime nowUtc) =>
        Status == PostingStatus.Published && (ValidThroughUtc is null || ValidThroughUtc > nowUtc);
}

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public const string Table = "JobPostings";

    public void Configure(EntityTypeBuilder<JobPosting> p)
    {
        p.ToTable(Table);
        p.Property(x => x.Slug).HasMaxLength(200);
        p.HasIndex(x => x.Slug).IsUnique();
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Location).HasMaxLength(100);
        p.Property(x => x.StreetAddress).HasMaxLength(200);
        p.Property(x => x.PostalCode).HasMaxLength(20);
        p.Property(x => x.Region).HasMaxLength(100);
        p.Property(x => x.Country).HasMaxLength(2);
        p.Property(x => x.EmploymentType).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.Start).HasMaxLength(100);
        p.Property(x => x.Teaser).HasMaxLength(500);
        p.Property(x => x.ContactName).HasMaxLength(200);
        p.Property(x => x.ContactEmail).HasMaxLength(320);
        p.Property(x => x.ContactNoun).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.SalaryUnit).HasConversion<string>().HasMaxLength(10);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.HasIndex(x => new { x.Status, x.PublishedAtUtc });
    }
}
