namespace Goldfeder.Mail;

/// <summary><c>Mail:Dkim:*</c>: the signing domain, selector and RSA private key (PEM, as a file path or inline).</summary>
public sealed class DkimOptions
{
    public string? Domain { get; set; }
    public string? Selector { get; set; }
    public string? PrivateKeyFile { get; set; }
    public string? PrivateKey { get; set; }
}
