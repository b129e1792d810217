using Goldfeder.Data;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>The bounce slice's hand-written statement (see <see cref="SqlStatement"/>).</summary>
internal static class BounceSql
{
    private const string Events = BounceEventConfiguration.Table;

    /// <summary>
    /// insert-bounce-event: the report, unless one with the same source and id is recorded already; returns 1 when it
    /// is new. {0} source, {1} external id, {2} kind, {3} delivery id, {4} campaign id, {5} detail, {6} now. The same
    /// text on both providers. Why raw: two instances (or a webhook retried at once) may record the same report at the
    /// same moment; ON CONFLICT DO NOTHING lets exactly one of them act, which EF Core cannot say.
    /// </summary>
    public static readonly SqlStatement InsertEvent = new($$"""
        INSERT INTO "{{Events}}" ("{{nameof(BounceEvent.Source)}}", "{{nameof(BounceEvent.ExternalId)}}", "{{nameof(BounceEvent.Kind)}}", "{{nameof(BounceEvent.DeliveryId)}}", "{{nameof(BounceEvent.CampaignId)}}", "{{nameof(BounceEvent.Detail)}}", "{{nameof(BounceEvent.ReceivedAtUtc)}}")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}) ON CONFLICT DO NOTHING
        """);
}
