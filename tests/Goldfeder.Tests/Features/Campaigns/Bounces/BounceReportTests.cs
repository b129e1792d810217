using System.Text;
using Goldfeder.Features.Campaigns.Bounces;
using MimeKit;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

/// <summary>How report shapes seen in the wild are read (MimeKit parses the structure; the reading is ours).</summary>
public sealed class BounceReportTests
{
    private const string Original = "Message-ID: <d42-0123456789abcdef0123@goldfeder.example>\r\nSubject: Goldpreis im Blick\r\n";

    [Theory]
    // Exchange Online / Outlook.com: 5.1.10 recipient not found.
    [InlineData("failed", "5.1.10", "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", BounceKind.Hard)]
    // Gmail over quota, sent as a permanent 5.2.2 though it is a full mailbox: soft.
    [InlineData("failed", "5.2.2", "smtp; 552-5.2.2 The email account that you tried to reach is over quota.", BounceKind.Soft)]
    // Postfix with maximal_queue_lifetime reached after 4xx.
    [InlineData("failed", "4.4.1", "X-Postfix; connect to mx.example.de[192.0.2.1]:25: Connection timed out", BounceKind.Soft)]
    // A delay warning is no failure.
    [InlineData("delayed", "4.4.7", "X-Postfix; delivery temporarily suspended", BounceKind.Notice)]
    // A success report (NOTIFY=SUCCESS) neither.
    [InlineData("delivered", "2.0.0", "smtp; 250 2.0.0 OK", BounceKind.Notice)]
    public void A_delivery_status_report_is_classified_by_action_and_status(string action, string status, string diagnostic, BounceKind expected)
    {
        var report = Read($"""
            From: postmaster@outlook.example
            To: bounces+d42-0123456789abcdef0123@goldfeder.example
            Subject: Undeliverable: Goldpreis im Blick
            Message-ID: <report-1@outlook.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            Delivery has failed to these recipients or groups.
            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.outlook.example

            Final-Recipient: rfc822;kunde@example.de
            Action: {action}
            Status: {status}
            Diagnostic-Code: {diagnostic}

            --b
            Content-Type: text/rfc822-headers

            {Original}
            --b--
            """);
        Assert.Equal(expected, report.Kind);
        Assert.Equal("report-1@outlook.example", report.ExternalId);
        Assert.Contains(status, report.Detail);
        Assert.DoesNotContain("kunde@example.de", report.Detail);
        Assert.Contains("d42-0123456789abcdef0123", report.Clues);
    }

    [Fact]
    public void Of_several_recipients_the_worst_counts()
    {
        var report = Read($"""
            From: MAILER-DAEMON@mx.example.de
            To: bounces@goldfeder.example
            Message-ID: <report-2@mx.example.de>
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.de

            Final-Recipient: rfc822; a@example.de
            Action: delayed
            Status: 4.4.1

            Final-Recipient: rfc822; b@example.de
            Action: failed
            Status: 5.1.1

            --b--
            """);
        Assert.Equal(BounceKind.Hard, report.Kind);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\r\nSubject: Re: Goldpreis", BounceKind.AutoReply)]
    [InlineData("X-Autoreply: yes\r\nSubject: Urlaub", BounceKind.AutoReply)]
    [InlineData("Precedence: auto_reply\r\nSubject: Hinweis", BounceKind.AutoReply)]
    [InlineData("Subject: Abwesenheitsnotiz: Goldpreis im Blick", BounceKind.AutoReply)]
    [InlineData("Subject: Out of Office: Goldpreis im Blick", BounceKind.AutoReply)]
    // Auto-generated (a notification, not a reply) is not an out-of-office answer, and a person's answer neither.
    [InlineData("Auto-Submitted: auto-generated\r\nSubject: Ihre Bestellung", BounceKind.Unreadable)]
    [InlineData("Subject: Re: Goldpreis im Blick", BounceKind.Unreadable)]
    public void Plain_mail_is_an_auto_reply_only_by_its_marks(string headers, BounceKind expected)
    {
        var report = Read($"From: kunde@example.de\r\nTo: bounces@goldfeder.example\r\n{headers}\r\nContent-Type: text/plain\r\n\r\nText\r\n");
        Assert.Equal(expected, report.Kind);
        Assert.StartsWith("sha256:", report.ExternalId); // no Message-ID: a hash of the message
    }

    private static BounceReport Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        return BounceReport.Read(MimeMessage.Load(new MemoryStream(bytes)), bytes);
    }
}
