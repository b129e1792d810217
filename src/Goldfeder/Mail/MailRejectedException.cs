namespace Goldfeder.Mail;

/// <summary>A permanent refusal (SMTP 5xx): retrying would not help.</summary>
public sealed class MailRejectedException(string reply, Exception? inner = null) : Exception(reply, inner);
