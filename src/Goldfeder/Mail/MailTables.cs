using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Mail;

/// <summary>The outbox's table on the one DbContext.</summary>
public static class MailTables
{
    extension(GoldfederDb db)
    {
        public DbSet<OutboxMail> OutboxMails => db.Set<OutboxMail>();
    }
}
