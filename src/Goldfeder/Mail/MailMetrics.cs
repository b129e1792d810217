using System.Diagnostics.Metrics;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>The outbox's meter: mails sent and failed, and how many wait (read from the database when scraped).</summary>
public sealed class MailMetrics
{
    public const string MeterName = "Goldfeder.Mail";

    public Counter<long> Sent { get; }
    public Counter<long> Failed { get; }

    public MailMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        Sent = meter.CreateCounter<long>("goldfeder.outbox.sent", "{mail}", "Mails the outbox handed to the mail server");
        Failed = meter.CreateCounter<long>("goldfeder.outbox.failed", "{mail}", "Mails the outbox gave up on");
        meter.CreateObservableGauge("goldfeder.outbox.depth", () =>
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GoldfederDb>().Set<OutboxMail>().LongCount(m => m.Status == OutboxStatus.Pending);
        }, "{mail}", "Mails waiting in the outbox");
    }
}
