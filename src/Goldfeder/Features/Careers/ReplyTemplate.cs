using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Careers;

/// <summary>The answers HR sends from the inbox.</summary>
public enum ReplyKind { Receipt, Invitation, Rejection }

/// <summary>
/// HR's wording of one answer, edited at /admin/karriere/vorlagen. Placeholders: {Name}, {Stelle}, {Ansprechperson}.
/// Until HR saves one, <see cref="Defaults"/> apply.
/// </summary>
public class ReplyTemplate
{
    public ReplyKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public static string Label(ReplyKind kind) => kind switch
    {
        ReplyKind.Receipt => "Eingangsbestätigung",
        ReplyKind.Invitation => "Einladung",
        _ => "Absage",
    };

    public static ReplyTemplate Default(ReplyKind kind) => kind switch
    {
        ReplyKind.Receipt => new()
        {
            Kind = kind, Subject = "Ihre Bewerbung als {Stelle}",
            Body = "Guten Tag {Name},\n\nvielen Dank für Ihre Bewerbung als {Stelle}. Wir sehen uns Ihre Unterlagen sorgfältig an und melden uns innerhalb von zwei Wochen bei Ihnen.\n\nBei Fragen erreichen Sie {Ansprechperson}, wenn Sie auf diese E-Mail antworten.",
        },
        ReplyKind.Invitation => new()
        {
            Kind = kind, Subject = "Einladung zum Gespräch: {Stelle}",
            Body = "Guten Tag {Name},\n\nIhre Bewerbung als {Stelle} hat uns überzeugt, und wir möchten Sie gern persönlich kennenlernen.\n\nBitte nennen Sie uns zwei oder drei Termine in den nächsten Wochen, die Ihnen passen; antworten Sie dazu einfach auf diese E-Mail.\n\nWir freuen uns auf das Gespräch. {Ansprechperson}",
        },
        _ => new()
        {
            Kind = kind, Subject = "Ihre Bewerbung als {Stelle}",
            Body = "Guten Tag {Name},\n\nvielen Dank für Ihr Interesse und die Zeit, die Sie in Ihre Bewerbung als {Stelle} gesteckt haben. Nach sorgfältiger Prüfung haben wir uns für eine andere Bewerbung entschieden.\n\nDiese Entscheidung ist keine Bewertung Ihrer Person. Wir wünschen Ihnen für Ihren weiteren Weg alles Gute.\n\nIhre Unterlagen löschen wir nach Ablauf der gesetzlichen Fristen.",
        },
    };

    /// <summary>The template with the application's values; what the applicant typed is inserted as text (mail bodies are encoded by <c>Letters</c>).</summary>
    public (string Subject, string Body) For(string name, string postingTitle, string contact) =>
        (Fill(Subject, name, postingTitle, contact), Fill(Body, name, postingTitle, contact));

    private static string Fill(string text, string name, string postingTitle, string contact) =>
        text.Replace("{Name}", name).Replace("{Stelle}", postingTitle).Replace("{Ansprechperson}", contact);
}

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public const string Table = "CareersReplyTemplates";

    public void Configure(EntityTypeBuilder<ReplyTemplate> t)
    {
        t.ToTable(Table);
        t.HasKey(x => x.Kind);
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.Subject).HasMaxLength(ReplyTemplate.MaxSubject);
        t.Property(x => x.Body).HasMaxLength(ReplyTemplate.MaxBody);
    }
}
