using System.Diagnostics.Metrics;

namespace Goldfeder.Features.Campaigns;

/// <summary>The campaign sender's meter (exported by Features/Site/SiteMetrics when metrics are on).</summary>
public static class CampaignMetrics
{
    private static readonly Meter Meter = new("Goldfeder.Campaigns");

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("goldfeder.campaign.sent", "{message}", "Campaign messages accepted by the mail server");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("goldfeder.campaign.failed", "{message}", "Campaign messages refused or given up on");
    public static readonly Counter<long> Reports = Meter.CreateCounter<long>("goldfeder.campaign.reports", "{report}", "Bounce, complaint and auto-reply reports recorded, by kind");
}
