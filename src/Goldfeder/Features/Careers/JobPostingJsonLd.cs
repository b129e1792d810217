using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Goldfeder.Common;

namespace Goldfeder.Features.Careers;

/// <summary>
/// schema.org <c>JobPosting</c> for Google for Jobs: the required title, description (HTML), datePosted,
/// hiringOrganization and jobLocation with its address, plus validThrough, employmentType, identifier, directApply and,
/// when HR entered one, baseSalary. Only an open posting carries it; a filled one must not (Google's guidelines).
/// It sits in <c>&lt;script type="application/ld+json"&gt;</c>: a data block the browser never executes, so the CSP's
/// <c>script-src 'self'</c> does not apply to it. The encoder escapes &lt; &gt; &amp; so the text cannot end the element.
/// </summary>
public static class JobPostingJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string For(JobPosting p, SiteOptions site, string baseUrl)
    {
        var address = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = p.Location, ["addressCountry"] = p.Country };
        if (p.StreetAddress is not null) address["streetAddress"] = p.StreetAddress;
        if (p.PostalCode is not null) address["postalCode"] = p.PostalCode;
        if (p.Region is not null) address["addressRegion"] = p.Region;

        var json = new JsonObject
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = p.Title,
            ["description"] = p.DescriptionHtml + (p.OfferHtml.Length > 0 ? "<h2>Was wir bieten</h2>" + p.OfferHtml : ""),
            ["datePosted"] = BerlinTime.Iso(p.PublishedAtUtc ?? p.UpdatedAtUtc),
            ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = site.Brand, ["sameAs"] = baseUrl },
            ["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = address },
            ["employmentType"] = SchemaName(p.EmploymentType),
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = site.Brand, ["value"] = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["directApply"] = true,
            ["url"] = $"{baseUrl}/karriere/{p.Slug}",
        };
        if (p.ValidThroughUtc is { } end) json["validThrough"] = BerlinTime.Iso(end);
        if (p.SalaryMin is not null || p.SalaryMax is not null)
        {
            var value = new JsonObject { ["@type"] = "QuantitativeValue", ["unitText"] = p.SalaryUnit.ToString().ToUpperInvariant() };
            if (p.SalaryMin == p.SalaryMax || p.SalaryMax is null) value["value"] = p.SalaryMin ?? p.SalaryMax;
            else
            {
                if (p.SalaryMin is not null) value["minValue"] = p.SalaryMin;
                value["maxValue"] = p.SalaryMax;
            }
            json["baseSalary"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "EUR", ["value"] = value };
        }
        return json.ToJsonString(Options);
    }

    /// <summary>FULL_TIME, PART_TIME, … as schema.org and Google spell them.</summary>
    public static string SchemaName(EmploymentType t) => t switch
    {
        EmploymentType.FullTime => "FULL_TIME",
        EmploymentType.PartTime => "PART_TIME",
        EmploymentType.Contractor => "CONTRACTOR",
        EmploymentType.Temporary => "TEMPORARY",
        EmploymentType.Intern => "INTERN",
        EmploymentType.Volunteer => "VOLUNTEER",
        EmploymentType.PerDiem => "PER_DIEM",
        _ => "OTHER",
    };
}
