using System.Text.Json;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// The rows of a batch of signups, written with three statements whatever the batch's size: new subscribers, one
/// <c>requested</c> event per accepted signup, and its confirmation mail. Each set goes in as one JSON parameter
/// (json_each / jsonb_to_recordset), like the subscriber import, because EF Core's change tracking of three entities
/// per signup cost more CPU than everything else in a signup together.
/// </summary>
internal static class SignupRows
{
    public static async Task InsertAsync(
        GoldfederDb db, List<PendingSignup> fresh, List<PendingSignup> accepted, int consentTextId, DateTime now, DateTime expires, CancellationToken ct)
    {
        if (accepted.Count == 0) return;
        var subscribers = JsonSerializer.Serialize(fresh.Select(s => new { e = s.Email, n = s.NormalizedEmail, h = s.TokenHash }));
        var events = JsonSerializer.Serialize(accepted.Select(s => new { n = s.NormalizedEmail, ip = s.Requester.IpAddress, ua = s.Requester.UserAgent, sp = s.Requester.SourcePage }));
        var mails = JsonSerializer.Serialize(accepted.Select(s => new { r = s.Email, d = s.ConfirmUrl }));
        const string kind = NewsletterMails.ConfirmationKind, subject = NewsletterMails.ConfirmationSubject;
        if (db.Database.IsSqlite())
        {
            if (fresh.Count > 0)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Subscribers" ("Email", "NormalizedEmail", "Status", "CreatedAtUtc", "ConsentTextId", "ConfirmTokenHash", "ConfirmTokenExpiresAtUtc", "ConfirmMailQueuedAtUtc")
                    SELECT j.value ->> 'e', j.value ->> 'n', 'Pending', {now}, {consentTextId}, j.value ->> 'h', {expires}, {now} FROM json_each({subscribers}) j
                    """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ConsentEvents" ("SubscriberId", "Kind", "AtUtc", "ConsentTextId", "IpAddress", "UserAgent", "SourcePage", "Detail")
                SELECT s."Id", 'Requested', {now}, {consentTextId}, j.value ->> 'ip', j.value ->> 'ua', j.value ->> 'sp', 'confirmation mail queued'
                FROM json_each({events}) j JOIN "Subscribers" s ON s."NormalizedEmail" = j.value ->> 'n'
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMails" ("Recipient", "Subject", "Message", "Kind", "Data", "Status", "Attempts", "NextAttemptAtUtc", "CreatedAtUtc")
                SELECT j.value ->> 'r', {subject}, X'', {kind}, j.value ->> 'd', 'Pending', 0, {now}, {now} FROM json_each({mails}) j
                """, ct);
        }
        else
        {
            if (fresh.Count > 0)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Subscribers" ("Email", "NormalizedEmail", "Status", "CreatedAtUtc", "ConsentTextId", "ConfirmTokenHash", "ConfirmTokenExpiresAtUtc", "ConfirmMailQueuedAtUtc")
                    SELECT j.e, j.n, 'Pending', {now}, {consentTextId}, j.h, {expires}, {now} FROM jsonb_to_recordset({subscribers}::jsonb) AS j(e text, n text, h text)
                    """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ConsentEvents" ("SubscriberId", "Kind", "AtUtc", "ConsentTextId", "IpAddress", "UserAgent", "SourcePage", "Detail")
                SELECT s."Id", 'Requested', {now}, {consentTextId}, j.ip, j.ua, j.sp, 'confirmation mail queued'
                FROM jsonb_to_recordset({events}::jsonb) AS j(n text, ip text, ua text, sp text) JOIN "Subscribers" s ON s."NormalizedEmail" = j.n
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMails" ("Recipient", "Subject", "Message", "Kind", "Data", "Status", "Attempts", "NextAttemptAtUtc", "CreatedAtUtc")
                SELECT j.r, {subject}, ''::bytea, {kind}, j.d, 'Pending', 0, {now}, {now} FROM jsonb_to_recordset({mails}::jsonb) AS j(r text, d text)
                """, ct);
        }
    }
}
