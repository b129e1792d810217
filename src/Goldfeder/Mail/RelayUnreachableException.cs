namespace Goldfeder.Mail;

/// <summary>The relay could not be reached or refused the session (connection refused, timeout, no greeting).</summary>
public sealed class RelayUnreachableException(string reason, Exception? inner = null) : Exception(reason, inner);
