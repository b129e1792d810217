using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Goldfeder.Mail;
using MimeKit;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// What one message in the bounce mailbox says: a delivery status notification (RFC 3464), an abuse report (ARF,
/// RFC 5965), an automatic reply (RFC 3834), or nothing we can read. <see cref="Clues"/> is the text the delivery's
/// token is looked for in: the report's own recipient headers (VERP) and the headers of the quoted original (its
/// Message-ID). MimeKit parses the MIME structure and the report parts; the reading of the fields is ours.
/// </summary>
public sealed partial record BounceReport(BounceKind Kind, string ExternalId, string? Detail, string Clues)
{
    private static readonly string[] RecipientHeaders = ["To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"];

    public static BounceReport Read(MimeMessage message, byte[] raw)
    {
        var id = string.IsNullOrWhiteSpace(message.MessageId) ? HashId(raw) : Clip(message.MessageId, 300);
        var clues = new StringBuilder();
        foreach (var name in RecipientHeaders)
            foreach (var h in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase))) clues.AppendLine(h.Value);

        if (message.Body is MultipartReport report)
        {
            foreach (var original in report.OfType<MessagePart>().Where(p => p.Message is not null))
                clues.AppendLine(string.Join('\n', original.Message!.Headers.Select(h => $"{h.Field}: {h.Value}")));
            if (report.OfType<MessageFeedbackReport>().FirstOrDefault() is { } feedback)
                return new BounceReport(BounceKind.Complaint, id, "ARF " + Field(feedback.Fields, "Feedback-Type"), clues.ToString());
            if (report.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status)
                return FromStatus(status, id, clues.ToString());
        }
        if (IsAutoReply(message))
        {
            clues.AppendLine(message.InReplyTo).AppendLine(string.Join(' ', message.References));
            return new BounceReport(BounceKind.AutoReply, id, "Automatische Antwort", clues.ToString());
        }
        // Neither subject nor text is kept: either may name a person.
        return new BounceReport(BounceKind.Unreadable, id, null, clues.ToString());
    }

    /// <summary>A message MimeKit cannot parse at all, named by the hash of its bytes.</summary>
    public static BounceReport NotAMessage(byte[] raw) => new(BounceKind.Unreadable, HashId(raw), null, "");

    private static string HashId(byte[] raw) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));

    /// <summary>The worst of the per-recipient groups: a permanent failure (5.x.x) is hard, a transient one (4.x.x) or a full mailbox (x.2.2) soft, a delay or success a notice.</summary>
    private static BounceReport FromStatus(MessageDeliveryStatus status, string id, string clues)
    {
        var worst = BounceKind.Notice;
        string? detail = null;
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var action = Field(group, "Action")?.ToLowerInvariant();
            var code = StatusCode().Match(Field(group, "Status") ?? "").Value;
            var kind = action is "delayed" or "delivered" or "relayed" or "expanded" ? BounceKind.Notice
                : code.StartsWith('5') && !code.EndsWith(".2.2") ? BounceKind.Hard
                : code.StartsWith('4') || code.StartsWith('5') ? BounceKind.Soft
                : BounceKind.Notice;
            if (detail is null || Rank(kind) > Rank(worst))
            {
                worst = Rank(kind) > Rank(worst) ? kind : worst;
                detail = Retry.Clip(LogText.WithoutAddresses($"{action} {code} {Field(group, "Diagnostic-Code")}".Trim()));
            }
        }
        return new BounceReport(worst, id, detail, clues);
    }

    private static int Rank(BounceKind k) => k switch { BounceKind.Hard => 3, BounceKind.Soft => 2, _ => 1 };

    /// <summary>RFC 3834's Auto-Submitted, and the headers older responders (Exchange, vacation) set instead.</summary>
    private static bool IsAutoReply(MimeMessage m)
    {
        var autoSubmitted = m.Headers["Auto-Submitted"]?.Trim().ToLowerInvariant();
        if (autoSubmitted is not null && autoSubmitted.StartsWith("auto-replied")) return true;
        if (m.Headers.Contains("X-Autoreply") || m.Headers.Contains("X-Autorespond") || m.Headers.Contains("X-Auto-Response-Suppress") && m.Headers["X-Auto-Response-Suppress"]!.Contains("OOF", StringComparison.OrdinalIgnoreCase)) return true;
        if (m.Headers["Precedence"]?.Trim().ToLowerInvariant() == "auto_reply") return true;
        return OutOfOfficeSubject().IsMatch(m.Subject ?? "");
    }

    private static string? Field(HeaderList fields, string name) => fields[name]?.Trim();

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    [GeneratedRegex(@"[245]\.\d{1,3}\.\d{1,3}")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^\s*(Automatische Antwort|Abwesenheitsnotiz|Out of Office|Auto(matic)? ?reply|Autoreply|Auto:)", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOfficeSubject();
}
