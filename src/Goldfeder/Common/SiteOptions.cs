namespace Goldfeder.Common;

/// <summary>Everything the customer may word differently: trust bar, brand, teasers. Bound from <c>Site:*</c>.</summary>
public sealed class SiteOptions
{
    public string Brand { get; set; } = "";
    public string? BaseUrl { get; set; }

    /// <summary>The publisher's logo for structured data, a path under the site or an absolute URL.</summary>
    public string Logo { get; set; } = "/img/logo.svg";
    public string HotlineLabel { get; set; } = "";
    public string HotlineDisplay { get; set; } = "";
    public string HotlineTel { get; set; } = "";
    public string CustomerCount { get; set; } = "";
    public string CustomerLabel { get; set; } = "";
    public string Shipping { get; set; } = "";
    public int PageSize { get; set; } = 10;
    public int RelatedCount { get; set; } = 3;
    public NewsletterBoxTexts NewsletterBox { get; set; } = new();
    public CareersTeaserTexts CareersTeaser { get; set; } = new();

    public sealed class NewsletterBoxTexts
    {
        public string Heading { get; set; } = "";
        public string Invitation { get; set; } = "";
        public string Consent { get; set; } = "";
    }

    public sealed class CareersTeaserTexts
    {
        public string Question { get; set; } = "";
        public string Call { get; set; } = "";
        public string LinkText { get; set; } = "";
    }
}
