namespace Goldfeder.Mail;

/// <summary><c>Mail:Outbox:*</c>.</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 30;
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// SMTP connections the outbox sends over at once. Each mail costs three round trips (MAIL+RCPT, DATA, the end of
    /// data); with 4 connections, a signup rush on a busy machine queued mails faster than they went out (README).
    /// </summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>How long a mail may wait before <c>/healthz/ready</c> reports the outbox as stuck.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}
