using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Goldfeder.Mail;

/// <summary>
/// DKIM (RFC 6376) with MimeKit's signer, when a key is configured. Mailbox providers offer RFC 8058 one-click only
/// when both List-Unsubscribe headers are covered by a valid signature (RFC 8058 §4), so they are in the signed list.
/// </summary>
public sealed class DkimSigning
{
    public static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.MimeVersion,
        HeaderId.ContentType, HeaderId.ListId, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly DkimSigner? _signer;

    public DkimSigning(IOptions<DkimOptions> options)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Domain) || string.IsNullOrWhiteSpace(o.Selector)) return;
        if (!string.IsNullOrWhiteSpace(o.PrivateKeyFile))
            _signer = new DkimSigner(o.PrivateKeyFile, o.Domain, o.Selector, DkimSignatureAlgorithm.RsaSha256);
        else if (!string.IsNullOrWhiteSpace(o.PrivateKey))
            _signer = new DkimSigner(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(o.PrivateKey)), o.Domain, o.Selector, DkimSignatureAlgorithm.RsaSha256);
        else
            throw new InvalidOperationException("Mail:Dkim needs PrivateKeyFile or PrivateKey when Domain and Selector are set.");
        _signer.HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        _signer.BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
    }

    public bool Enabled => _signer is not null;

    /// <summary>Call when every header is final. The body is fixed to 7-bit first, so no relay re-encodes it after signing.</summary>
    public void Sign(MimeMessage message)
    {
        if (_signer is null) return;
        message.Prepare(EncodingConstraint.SevenBit);
        _signer.Sign(message, SignedHeaders);
    }
}
