using Goldfeder.Mail;

namespace Goldfeder.Tests.Mail;

public class LogTextTests
{
    [Theory]
    [InlineData("550 5.1.1 <erika@example.de>: Recipient address rejected", "550 5.1.1 <[Adresse]>: Recipient address rejected")]
    [InlineData("452 4.2.2 erika.mustermann+news@mail.example.de mailbox full", "452 4.2.2 [Adresse] mailbox full")]
    [InlineData("421 4.7.0 Try again later", "421 4.7.0 Try again later")]
    public void Addresses_are_blanked_in_what_is_logged(string reply, string logged) =>
        Assert.Equal(logged, LogText.WithoutAddresses(reply));
}
