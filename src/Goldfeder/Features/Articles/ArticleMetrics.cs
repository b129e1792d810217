using System.Diagnostics.Metrics;

namespace Goldfeder.Features.Articles;

/// <summary>The newsroom's meter (exported by Features/Site/SiteMetrics when metrics are on).</summary>
public static class ArticleMetrics
{
    private static readonly Meter Meter = new("Goldfeder.Articles");

    public static readonly Counter<long> ScheduledPublished = Meter.CreateCounter<long>("goldfeder.articles.scheduled_published", "{article}", "Scheduled articles published when their time came");
}
