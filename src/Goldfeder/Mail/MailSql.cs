using Goldfeder.Data;

namespace Goldfeder.Mail;

/// <summary>
/// Mail's hand-written statements, SQLite and PostgreSQL side by side. Raw SQL only where it measurably beats EF Core;
/// each statement says where. Names come from the model (<see cref="SqlStatement"/>).
/// </summary>
internal static class MailSql
{
    private const string OutboxMails = OutboxMailConfiguration.Table;

    /// <summary>
    /// queue-letters: letters of one kind, each a recipient and its data, as pending mails due now; one statement for the
    /// whole set, in the caller's transaction.
    /// {0} JSON [{"r": recipient, "d": data}], {1} subject, {2} kind, {3} status Pending, {4} now.
    /// Why raw: the signup group commit queues a confirmation letter per signup. EF Core's change tracking of three
    /// entities per signup cost more CPU than everything else in a signup; three set-wise statements (this one and
    /// Newsletter's two) took the site from 944 to 1,934 signups/s (README, Newsletter signups).
    /// </summary>
    public static readonly SqlStatement QueueLetters = new(
        Sqlite: $$"""
            INSERT INTO "{{OutboxMails}}" ("{{nameof(OutboxMail.Recipient)}}", "{{nameof(OutboxMail.Subject)}}", "{{nameof(OutboxMail.Message)}}",
                "{{nameof(OutboxMail.Kind)}}", "{{nameof(OutboxMail.Data)}}", "{{nameof(OutboxMail.Status)}}", "{{nameof(OutboxMail.Attempts)}}",
                "{{nameof(OutboxMail.NextAttemptAtUtc)}}", "{{nameof(OutboxMail.CreatedAtUtc)}}")
            SELECT j.value ->> 'r', {1}, X'', {2}, j.value ->> 'd', {3}, 0, {4}, {4} FROM json_each({0}) j
            """,
        Postgres: $$"""
            INSERT INTO "{{OutboxMails}}" ("{{nameof(OutboxMail.Recipient)}}", "{{nameof(OutboxMail.Subject)}}", "{{nameof(OutboxMail.Message)}}",
                "{{nameof(OutboxMail.Kind)}}", "{{nameof(OutboxMail.Data)}}", "{{nameof(OutboxMail.Status)}}", "{{nameof(OutboxMail.Attempts)}}",
                "{{nameof(OutboxMail.NextAttemptAtUtc)}}", "{{nameof(OutboxMail.CreatedAtUtc)}}")
            SELECT j.r, {1}, ''::bytea, {2}, j.d, {3}, 0, {4}, {4} FROM jsonb_to_recordset({0}::jsonb) AS j(r text, d text)
            """);
}
