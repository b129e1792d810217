using System.Text;
using MimeKit;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

/// <summary>
/// Reports as mail servers write them, by hand after the RFCs' examples: a Postfix-style DSN (RFC 3464, with the
/// original's headers as text/rfc822-headers), a Gmail-style DSN quoting the whole original (message/rfc822), an ARF
/// abuse report (RFC 5965 §B), an out-of-office reply (RFC 3834), and mail that is none of these.
/// </summary>
public static class BounceMails
{
    public static MimeMessage PostfixDsn(string to, MimeMessage original, string status, string diagnostic, string id) => Parse($"""
        Return-Path: <>
        Delivered-To: {to}
        Message-ID: <{id}@mx.example.de>
        Date: Mon, 30 Nov 2026 10:00:00 +0100 (CET)
        From: MAILER-DAEMON@mx.example.de (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: {to}
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        This is a MIME-encapsulated message.

        --B1
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.de.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        --B1
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.de
        X-Postfix-Queue-ID: 4Q7c1Z2kQxz9sTt
        Arrival-Date: Mon, 30 Nov 2026 09:59:58 +0100 (CET)

        Final-Recipient: rfc822; {original.To.Mailboxes.Single().Address}
        Original-Recipient: rfc822;{original.To.Mailboxes.Single().Address}
        Action: failed
        Status: {status}
        Remote-MTA: dns; mail.example.de
        Diagnostic-Code: smtp; {diagnostic}

        --B1
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        {Headers(original)}
        --B1--
        """);

    /// <summary>Addressed to the plain return path (no VERP): only the quoted original's Message-ID names the delivery.</summary>
    public static MimeMessage GmailStyleDsn(string to, MimeMessage original, string status, string diagnostic, string id) => Parse($"""
        Message-ID: <{id}@mx.google.example>
        Date: Mon, 30 Nov 2026 10:00:00 +0100
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>
        To: {to}
        Subject: Delivery Status Notification (Failure)
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B2"

        --B2
        Content-Type: text/plain; charset="UTF-8"

        The recipient's inbox is out of storage space.

        --B2
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.example
        Received-From-MTA: dns; mail.goldfeder.example
        Arrival-Date: Mon, 30 Nov 2026 01:00:00 -0800 (PST)

        Final-Recipient: rfc822; {original.To.Mailboxes.Single().Address}
        Action: failed
        Status: {status}
        Diagnostic-Code: smtp; {diagnostic}
        Last-Attempt-Date: Mon, 30 Nov 2026 01:00:01 -0800 (PST)

        --B2
        Content-Type: message/rfc822

        {Headers(original)}
        (Text gekürzt)
        --B2--
        """);

    /// <summary>RFC 5965 Appendix B.2's example, around our original.</summary>
    public static MimeMessage ArfComplaint(MimeMessage original, string id) => Parse($"""
        From: <abusedesk@mailprovider.example>
        Date: Mon, 30 Nov 2026 10:05:00 +0100
        Subject: FW: {original.Subject}
        To: <abuse@goldfeder.example>
        Message-ID: <{id}@mailprovider.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="part1_13d.2e68ed54_boundary"

        --part1_13d.2e68ed54_boundary
        Content-Type: text/plain; charset="US-ASCII"
        Content-Transfer-Encoding: 7bit

        This is an email abuse report for an email message received from IP
        192.0.2.1 on Mon, 30 Nov 2026 09:59:00 +0100.  For more information
        about this format please see http://www.mipassoc.org/arf/.

        --part1_13d.2e68ed54_boundary
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Mail-From: <newsletter@goldfeder.example>
        Original-Rcpt-To: <redacted@mailprovider.example>
        Received-Date: Mon, 30 Nov 2026 09:59:00 +0100
        Source-IP: 192.0.2.1
        Reported-Domain: goldfeder.example

        --part1_13d.2e68ed54_boundary
        Content-Type: message/rfc822
        Content-Disposition: inline

        {Headers(original)}
        Der Goldpreis steigt.
        --part1_13d.2e68ed54_boundary--
        """);

    public static MimeMessage OutOfOffice(string to, MimeMessage original, string id) => Parse($"""
        From: {original.To.Mailboxes.Single().Address}
        To: {to}
        Date: Mon, 30 Nov 2026 10:01:00 +0100
        Subject: Automatische Antwort: {original.Subject}
        Message-ID: <{id}@example.de>
        In-Reply-To: <{original.MessageId}>
        Auto-Submitted: auto-replied
        X-Auto-Response-Suppress: All
        Content-Type: text/plain; charset=utf-8

        Ich bin bis zum 14. Dezember nicht im Büro.
        """);

    public static MimeMessage Garbage(string id) => Parse($"""
        From: jemand@example.net
        To: bounces@goldfeder.example
        Subject: Frage zum Abo
        Message-ID: <{id}@example.net>
        Content-Type: text/plain; charset=utf-8

        Hallo, bitte rufen Sie mich zurück.
        """);

    private static string Headers(MimeMessage m) =>
        string.Concat(m.Headers.Select(h => $"{h.Field}: {h.Value.Trim()}\n")).Replace("\r", "");

    private static MimeMessage Parse(string text) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"))));
}
