namespace Goldfeder.Mail;

public enum OutboxStatus { Pending, Sent, Failed }
