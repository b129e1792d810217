using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>Mail's tables on the one DbContext: the outbox and the relays' shared figures.</summary>
public static class MailTables
{
    extension(GoldfederDb db)
    {
        public DbSet<OutboxMail> OutboxMails => db.Set<OutboxMail>();
        public DbSet<RelayFigure> RelayFigures => db.Set<RelayFigure>();
    }
}
