using Goldfeder.Data;
using Goldfeder.Features.Newsletter;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Campaigns' hand-written statements, SQLite and PostgreSQL side by side. Raw SQL only where EF Core cannot say it or
/// where it measurably beats EF Core; each statement says which. Names come from the model (<see cref="SqlStatement"/>).
/// </summary>
internal static class CampaignsSql
{
    private const string Deliveries = DeliveryConfiguration.Table;
    private const string Campaigns = CampaignConfiguration.Table;
    private const string Suppressions = SuppressionConfiguration.Table;
    private const string Subscribers = SubscriberConfiguration.Table;
    private const string SubscriberTopics = SubscriberTopicConfiguration.Table;
    private const string CampaignTopics = CampaignTopicConfiguration.Table;

    /// <summary>
    /// claim-due-deliveries: the ids of up to {3} deliveries due now of campaigns that are sending, oldest first.
    /// {0} delivery status Pending, {1} now, {2} campaign status Sending, {3} how many.
    /// Why raw: on PostgreSQL several instances claim at once, and FOR UPDATE … SKIP LOCKED (which EF Core cannot
    /// say) lets each take other rows instead of queueing on the same ones. SQLite has one writer, and the write gate
    /// already keeps this process's workers in line: the same query without the lock clause.
    /// </summary>
    public static readonly SqlStatement ClaimDueDeliveries = new(
        Sqlite: $$"""
            SELECT d."{{nameof(Delivery.Id)}}" AS "Value" FROM "{{Deliveries}}" d JOIN "{{Campaigns}}" c ON c."{{nameof(Campaign.Id)}}" = d."{{nameof(Delivery.CampaignId)}}"
            WHERE d."{{nameof(Delivery.Status)}}" = {0} AND d."{{nameof(Delivery.NextAttemptAtUtc)}}" <= {1} AND c."{{nameof(Campaign.Status)}}" = {2}
            ORDER BY d."{{nameof(Delivery.NextAttemptAtUtc)}}", d."{{nameof(Delivery.Id)}}" LIMIT {3}
            """,
        Postgres: $$"""
            SELECT d."{{nameof(Delivery.Id)}}" AS "Value" FROM "{{Deliveries}}" d JOIN "{{Campaigns}}" c ON c."{{nameof(Campaign.Id)}}" = d."{{nameof(Delivery.CampaignId)}}"
            WHERE d."{{nameof(Delivery.Status)}}" = {0} AND d."{{nameof(Delivery.NextAttemptAtUtc)}}" <= {1} AND c."{{nameof(Campaign.Status)}}" = {2}
            ORDER BY d."{{nameof(Delivery.NextAttemptAtUtc)}}", d."{{nameof(Delivery.Id)}}" LIMIT {3}
            FOR UPDATE OF d SKIP LOCKED
            """);

    /// <summary>
    /// suppress-address: an address refused for good goes on the suppression list, unless it is there already.
    /// {0} normalised address, {1} the server's reply, {2} now, {3} campaign id. The same text on both providers.
    /// Why raw: another instance may suppress the same address at the same moment, and its row is as good as ours.
    /// EF Core cannot say ON CONFLICT DO NOTHING, and catching the duplicate instead would abort the surrounding
    /// transaction on PostgreSQL.
    /// </summary>
    public static readonly SqlStatement SuppressAddress = new($$"""
        INSERT INTO "{{Suppressions}}" ("{{nameof(Suppression.NormalizedEmail)}}", "{{nameof(Suppression.Reason)}}", "{{nameof(Suppression.CreatedAtUtc)}}", "{{nameof(Suppression.CampaignId)}}")
        VALUES ({0}, {1}, {2}, {3}) ON CONFLICT DO NOTHING
        """);

    /// <summary>
    /// insert-audience-deliveries: one pending delivery, due now, per subscriber confirmed at this moment, not paused,
    /// not suppressed, and (when the campaign names topics) holding at least one of them or, having consented before
    /// topics existed, none at all (the whole newsletter). {0} campaign id, {1} delivery status Pending, {2} now,
    /// {3} subscriber status Confirmed. The same text on both providers; returns the number of recipients.
    /// Why raw: EF Core has no INSERT … SELECT; this is one statement for the whole audience, 200,000 rows without
    /// 200,000 round trips or tracked entities.
    /// </summary>
    public static readonly SqlStatement InsertAudienceDeliveries = new($$"""
        INSERT INTO "{{Deliveries}}" ("{{nameof(Delivery.CampaignId)}}", "{{nameof(Delivery.SubscriberId)}}", "{{nameof(Delivery.Status)}}", "{{nameof(Delivery.Attempts)}}", "{{nameof(Delivery.NextAttemptAtUtc)}}")
        SELECT {0}, s."{{nameof(Subscriber.Id)}}", {1}, 0, {2}
        FROM "{{Subscribers}}" s
        WHERE s."{{nameof(Subscriber.Status)}}" = {3}
          AND (s."{{nameof(Subscriber.PausedUntilUtc)}}" IS NULL OR s."{{nameof(Subscriber.PausedUntilUtc)}}" <= {2})
          AND NOT EXISTS (SELECT 1 FROM "{{Suppressions}}" x WHERE x."{{nameof(Suppression.NormalizedEmail)}}" = s."{{nameof(Subscriber.NormalizedEmail)}}")
          AND (NOT EXISTS (SELECT 1 FROM "{{CampaignTopics}}" c WHERE c."{{nameof(CampaignTopic.CampaignId)}}" = {0})
            OR NOT EXISTS (SELECT 1 FROM "{{SubscriberTopics}}" t WHERE t."{{nameof(SubscriberTopic.SubscriberId)}}" = s."{{nameof(Subscriber.Id)}}")
            OR EXISTS (SELECT 1 FROM "{{SubscriberTopics}}" t JOIN "{{CampaignTopics}}" c ON c."{{nameof(CampaignTopic.TopicId)}}" = t."{{nameof(SubscriberTopic.TopicId)}}"
                       WHERE c."{{nameof(CampaignTopic.CampaignId)}}" = {0} AND t."{{nameof(SubscriberTopic.SubscriberId)}}" = s."{{nameof(Subscriber.Id)}}"))
        """);
}
