using System.Diagnostics.Metrics;

namespace Goldfeder.Features.Newsletter;

/// <summary>The newsletter's meter (exported by Features/Site/SiteMetrics when metrics are on).</summary>
public static class NewsletterMetrics
{
    private static readonly Meter Meter = new("Goldfeder.Newsletter");

    public static readonly Counter<long> SignupsAccepted = Meter.CreateCounter<long>("goldfeder.newsletter.signups", "{signup}", "Signups committed (each answered with the thank-you page)");
}
