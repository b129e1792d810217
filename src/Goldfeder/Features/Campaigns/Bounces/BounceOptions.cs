namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary><c>Bounces:*</c>: where reports come from and when soft bounces suppress (Campaigns/CONTEXT.md, "Bounces").</summary>
public sealed class BounceOptions
{
    /// <summary>
    /// The envelope sender of campaign mails, e.g. <c>bounces@news.example.org</c>; each mail then goes out from
    /// <c>bounces+TOKEN@news.example.org</c> (VERP), so a bounce names its delivery. Null: the newsletter's From, and
    /// bounces are matched by the Message-ID alone.
    /// </summary>
    public string? ReturnPath { get; set; }

    /// <summary>Soft bounces of one subscriber within <see cref="SoftBounceWindow"/> that suppress the address.</summary>
    public int SoftBounceLimit { get; set; } = 3;
    public TimeSpan SoftBounceWindow { get; set; } = TimeSpan.FromDays(30);

    public ImapOptions Imap { get; set; } = new();
    public SnsOptions Sns { get; set; } = new();
    public PostmarkOptions Postmark { get; set; } = new();

    public sealed class ImapOptions
    {
        /// <summary>Null: no mailbox is polled.</summary>
        public string? Host { get; set; }
        public int Port { get; set; } = 993;

        /// <summary>MailKit's SecureSocketOptions: Auto, SslOnConnect, StartTls, None (None only for a loopback test server).</summary>
        public string Security { get; set; } = "Auto";
        public string? User { get; set; }
        public string? Password { get; set; }
        public string Folder { get; set; } = "INBOX";
        public string ProcessedFolder { get; set; } = "Goldfeder/Verarbeitet";
        public string UnmatchedFolder { get; set; } = "Goldfeder/Unzuordenbar";
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Messages read per poll; the rest wait for the next.</summary>
        public int BatchSize { get; set; } = 200;
    }

    public sealed class SnsOptions
    {
        /// <summary>The topics whose messages are taken; empty: the endpoint refuses everything.</summary>
        public List<string> TopicArns { get; set; } = [];

        /// <summary>Hosts SigningCertURL and SubscribeURL may name (https only): Amazon's own.</summary>
        public string AllowedHostPattern { get; set; } = @"^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$";

        /// <summary>A message older than this is refused (replay).</summary>
        public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

        /// <summary>
        /// Tests only (refused in Production): a PEM file used instead of fetching the certificate from SigningCertURL,
        /// which must still name an allowed host.
        /// </summary>
        public string? CertificateFile { get; set; }
    }

    public sealed class PostmarkOptions
    {
        /// <summary>The basic-auth user and password put into the webhook URL at Postmark; unset: the endpoint refuses everything.</summary>
        public string? User { get; set; }
        public string? Password { get; set; }
    }
}
