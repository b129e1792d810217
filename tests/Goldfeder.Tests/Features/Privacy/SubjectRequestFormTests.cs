using Goldfeder.Features.Privacy;

namespace Goldfeder.Tests.Features.Privacy;

public class SubjectRequestFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("2026-01-15", false, "2026-02-15")]
    [InlineData("2026-01-31", false, "2026-02-28")]
    [InlineData("2028-01-31", false, "2028-02-29")]
    [InlineData("2026-12-31", false, "2027-01-31")]
    [InlineData("2026-01-31", true, "2026-04-30")]
    [InlineData("2026-11-30", true, "2027-02-28")]
    public void The_deadline_is_one_month_or_three_when_extended(string received, bool extended, string due) =>
        Assert.Equal(DateOnly.Parse(due), RequestDeadline.Due(DateOnly.Parse(received), extended));

    [Theory]
    [InlineData("", "ReceivedOn", "Bitte geben Sie das Eingangsdatum an (TT.MM.JJJJ).")]
    [InlineData("2026-12-01", "ReceivedOn", "Das Eingangsdatum liegt in der Zukunft.")]
    [InlineData("gestern", "ReceivedOn", "Bitte geben Sie das Eingangsdatum an (TT.MM.JJJJ).")]
    public void A_bad_received_date_gets_a_German_error(string received, string field, string error)
    {
        var form = Valid();
        form.ReceivedOn = received;
        Assert.Equal(error, form.Check(Today)[field]);
    }

    [Fact]
    public void A_valid_form_has_no_errors_and_German_dates_are_understood()
    {
        var form = Valid();
        form.ReceivedOn = "3.11.2026";
        Assert.Empty(form.Check(Today));
        var request = new SubjectRequest();
        form.ApplyTo(request);
        Assert.Equal(new DateOnly(2026, 12, 3), request.DueOn);
        Assert.Equal(SubjectRequestStatus.Open, request.Status);
    }

    [Fact]
    public void Without_name_and_address_or_with_unknown_choices_the_form_says_what_is_missing()
    {
        var form = new SubjectRequestForm { ReceivedOn = "2026-11-30", Kind = "7", Channel = "Brieftaube" };
        var errors = form.Check(Today);
        Assert.Equal("Bitte wählen Sie die Art der Anfrage.", errors["Kind"]);
        Assert.Equal("Bitte wählen Sie, auf welchem Weg die Anfrage kam.", errors["Channel"]);
        Assert.StartsWith("Bitte geben Sie den Namen oder die E-Mail-Adresse", errors["Name"]);
    }

    [Fact]
    public void An_extension_needs_a_reason_and_closing_needs_a_date_and_what_was_done()
    {
        var form = Valid();
        (form.Extended, form.Status, form.ClosedOn) = (true, "Done", "2026-10-01");
        var errors = form.Check(Today);
        Assert.StartsWith("Eine Verlängerung der Frist braucht eine Begründung", errors["ExtensionReason"]);
        Assert.Equal("Das Abschlussdatum liegt vor dem Eingang.", errors["ClosedOn"]);
        Assert.Equal("Bitte halten Sie fest, was getan wurde.", errors["Outcome"]);

        (form.Status, form.Outcome) = ("Rejected", null);
        Assert.StartsWith("Bitte geben Sie den Grund der Ablehnung an", form.Check(Today)["Outcome"]);
    }

    private static SubjectRequestForm Valid() => new() { ReceivedOn = "2026-11-02", Kind = "Access", Channel = "Email", Email = "person@example.de" };
}
