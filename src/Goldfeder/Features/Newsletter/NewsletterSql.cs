using Goldfeder.Data;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// Newsletter's hand-written statements, SQLite and PostgreSQL side by side. Raw SQL only where it measurably beats EF
/// Core; each statement says where. Names come from the model (<see cref="SqlStatement"/>). A set of rows goes in as
/// one JSON parameter, unpacked by the database (json_each / jsonb_to_recordset): one statement per set instead of
/// one per row, and no statement with thousands of parameters. Events find their subscriber by the address, which is
/// unique.
/// </summary>
internal static class NewsletterSql
{
    private const string Subscribers = SubscriberConfiguration.Table;
    private const string ConsentEvents = ConsentEventConfiguration.Table;
    private const string SubscriberTopics = SubscriberTopicConfiguration.Table;

    /// <summary>
    /// insert-subscriber-topics: the topics of a batch of signups or of an import chunk.
    /// {0} JSON [{"n": normalised, "t": topic id}], {1} now.
    /// Why raw: as <see cref="InsertRequestedSubscribers"/>, the rows of a batch in one statement.
    /// </summary>
    public static readonly SqlStatement InsertSubscriberTopics = new(
        Sqlite: $$"""
            INSERT INTO "{{SubscriberTopics}}" ("{{nameof(SubscriberTopic.SubscriberId)}}", "{{nameof(SubscriberTopic.TopicId)}}", "{{nameof(SubscriberTopic.SinceUtc)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", j.value ->> 't', {1}
            FROM json_each({0}) j JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.value ->> 'n'
            """,
        Postgres: $$"""
            INSERT INTO "{{SubscriberTopics}}" ("{{nameof(SubscriberTopic.SubscriberId)}}", "{{nameof(SubscriberTopic.TopicId)}}", "{{nameof(SubscriberTopic.SinceUtc)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", j.t, {1}
            FROM jsonb_to_recordset({0}::jsonb) AS j(n text, t int) JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.n
            """);

    /// <summary>
    /// insert-requested-subscribers: the new addresses of a signup batch, pending, each with its confirmation token.
    /// {0} JSON [{"e": email, "n": normalised, "h": token hash}], {1} status Pending, {2} now, {3} consent text id, {4} token expiry.
    /// Why raw: EF Core's change tracking of three entities per signup (this row, its event, its mail) cost more CPU
    /// than everything else in a signup together; with the three set-wise statements the group commit went from 944
    /// to 1,934 signups/s (README, Newsletter signups).
    /// </summary>
    public static readonly SqlStatement InsertRequestedSubscribers = new(
        Sqlite: $$"""
            INSERT INTO "{{Subscribers}}" ("{{nameof(Subscriber.Email)}}", "{{nameof(Subscriber.NormalizedEmail)}}", "{{nameof(Subscriber.Status)}}",
                "{{nameof(Subscriber.CreatedAtUtc)}}", "{{nameof(Subscriber.ConsentTextId)}}", "{{nameof(Subscriber.ConfirmTokenHash)}}",
                "{{nameof(Subscriber.ConfirmTokenExpiresAtUtc)}}", "{{nameof(Subscriber.ConfirmMailQueuedAtUtc)}}")
            SELECT j.value ->> 'e', j.value ->> 'n', {1}, {2}, {3}, j.value ->> 'h', {4}, {2} FROM json_each({0}) j
            """,
        Postgres: $$"""
            INSERT INTO "{{Subscribers}}" ("{{nameof(Subscriber.Email)}}", "{{nameof(Subscriber.NormalizedEmail)}}", "{{nameof(Subscriber.Status)}}",
                "{{nameof(Subscriber.CreatedAtUtc)}}", "{{nameof(Subscriber.ConsentTextId)}}", "{{nameof(Subscriber.ConfirmTokenHash)}}",
                "{{nameof(Subscriber.ConfirmTokenExpiresAtUtc)}}", "{{nameof(Subscriber.ConfirmMailQueuedAtUtc)}}")
            SELECT j.e, j.n, {1}, {2}, {3}, j.h, {4}, {2} FROM jsonb_to_recordset({0}::jsonb) AS j(e text, n text, h text)
            """);

    /// <summary>
    /// insert-requested-events: one <c>requested</c> event per accepted signup of a batch, with who asked from where.
    /// {0} JSON [{"n": normalised, "t": topic id or null, "ip": address, "ua": user agent, "sp": source page}], {1} kind Requested, {2} now,
    /// {3} consent text id, {4} detail.
    /// Why raw: as <see cref="InsertRequestedSubscribers"/>.
    /// </summary>
    public static readonly SqlStatement InsertRequestedEvents = new(
        Sqlite: $$"""
            INSERT INTO "{{ConsentEvents}}" ("{{nameof(ConsentEvent.SubscriberId)}}", "{{nameof(ConsentEvent.Kind)}}", "{{nameof(ConsentEvent.AtUtc)}}",
                "{{nameof(ConsentEvent.ConsentTextId)}}", "{{nameof(ConsentEvent.IpAddress)}}", "{{nameof(ConsentEvent.UserAgent)}}",
                "{{nameof(ConsentEvent.SourcePage)}}", "{{nameof(ConsentEvent.Detail)}}", "{{nameof(ConsentEvent.TopicId)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", {1}, {2}, {3}, j.value ->> 'ip', j.value ->> 'ua', j.value ->> 'sp', {4}, j.value ->> 't'
            FROM json_each({0}) j JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.value ->> 'n'
            """,
        Postgres: $$"""
            INSERT INTO "{{ConsentEvents}}" ("{{nameof(ConsentEvent.SubscriberId)}}", "{{nameof(ConsentEvent.Kind)}}", "{{nameof(ConsentEvent.AtUtc)}}",
                "{{nameof(ConsentEvent.ConsentTextId)}}", "{{nameof(ConsentEvent.IpAddress)}}", "{{nameof(ConsentEvent.UserAgent)}}",
                "{{nameof(ConsentEvent.SourcePage)}}", "{{nameof(ConsentEvent.Detail)}}", "{{nameof(ConsentEvent.TopicId)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", {1}, {2}, {3}, j.ip, j.ua, j.sp, {4}, j.t
            FROM jsonb_to_recordset({0}::jsonb) AS j(n text, t int, ip text, ua text, sp text) JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.n
            """);

    /// <summary>
    /// insert-imported-subscribers: a chunk of an imported list, confirmed at the consent time the list gives.
    /// {0} JSON [{"e": email, "n": normalised, "c": consent time as the provider stores it}], {1} status Confirmed,
    /// {2} now, {3} consent text id.
    /// Why raw: a list of 200,000 rows goes in as 80 statements instead of 400,000 tracked entities; bench/campaign.sh
    /// imports it in 9.2 s, the process's start included (README, Campaigns).
    /// </summary>
    public static readonly SqlStatement InsertImportedSubscribers = new(
        Sqlite: $$"""
            INSERT INTO "{{Subscribers}}" ("{{nameof(Subscriber.Email)}}", "{{nameof(Subscriber.NormalizedEmail)}}", "{{nameof(Subscriber.Status)}}",
                "{{nameof(Subscriber.CreatedAtUtc)}}", "{{nameof(Subscriber.ConfirmedAtUtc)}}", "{{nameof(Subscriber.ConsentTextId)}}")
            SELECT j.value ->> 'e', j.value ->> 'n', {1}, {2}, j.value ->> 'c', {3} FROM json_each({0}) j
            """,
        Postgres: $$"""
            INSERT INTO "{{Subscribers}}" ("{{nameof(Subscriber.Email)}}", "{{nameof(Subscriber.NormalizedEmail)}}", "{{nameof(Subscriber.Status)}}",
                "{{nameof(Subscriber.CreatedAtUtc)}}", "{{nameof(Subscriber.ConfirmedAtUtc)}}", "{{nameof(Subscriber.ConsentTextId)}}")
            SELECT j.e, j.n, {1}, {2}, j.c::timestamptz, {3} FROM jsonb_to_recordset({0}::jsonb) AS j(e text, n text, c text)
            """);

    /// <summary>
    /// insert-imported-events: one <c>imported</c> event per row of the chunk, naming file and line, and one per topic.
    /// {0} JSON [{"n": normalised, "t": topic id or null, "p": source, "d": detail}], {1} kind Imported,
    /// {2} now, {3} consent text id.
    /// Why raw: as <see cref="InsertImportedSubscribers"/>.
    /// </summary>
    public static readonly SqlStatement InsertImportedEvents = new(
        Sqlite: $$"""
            INSERT INTO "{{ConsentEvents}}" ("{{nameof(ConsentEvent.SubscriberId)}}", "{{nameof(ConsentEvent.Kind)}}", "{{nameof(ConsentEvent.AtUtc)}}",
                "{{nameof(ConsentEvent.ConsentTextId)}}", "{{nameof(ConsentEvent.SourcePage)}}", "{{nameof(ConsentEvent.Detail)}}", "{{nameof(ConsentEvent.TopicId)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", {1}, {2}, {3}, j.value ->> 'p', j.value ->> 'd', j.value ->> 't'
            FROM json_each({0}) j JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.value ->> 'n'
            """,
        Postgres: $$"""
            INSERT INTO "{{ConsentEvents}}" ("{{nameof(ConsentEvent.SubscriberId)}}", "{{nameof(ConsentEvent.Kind)}}", "{{nameof(ConsentEvent.AtUtc)}}",
                "{{nameof(ConsentEvent.ConsentTextId)}}", "{{nameof(ConsentEvent.SourcePage)}}", "{{nameof(ConsentEvent.Detail)}}", "{{nameof(ConsentEvent.TopicId)}}")
            SELECT s."{{nameof(Subscriber.Id)}}", {1}, {2}, {3}, j.p, j.d, j.t
            FROM jsonb_to_recordset({0}::jsonb) AS j(n text, t int, p text, d text) JOIN "{{Subscribers}}" s ON s."{{nameof(Subscriber.NormalizedEmail)}}" = j.n
            """);
}
