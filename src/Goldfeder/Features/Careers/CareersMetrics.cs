using System.Diagnostics.Metrics;

namespace Goldfeder.Features.Careers;

/// <summary>The careers meter (exported by Features/Site/SiteMetrics when metrics are on).</summary>
public static class CareersMetrics
{
    private static readonly Meter Meter = new("Goldfeder.Careers");

    public static readonly Counter<long> ApplicationsReceived = Meter.CreateCounter<long>("goldfeder.careers.applications", "{application}", "Applications received");
}
