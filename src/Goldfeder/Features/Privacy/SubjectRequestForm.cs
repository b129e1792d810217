using System.Globalization;
using Goldfeder.Common;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// What the officer types into the request form, kept as typed (so a page with errors shows it again), checked into
/// German errors by field, and written to a <see cref="SubjectRequest"/>.
/// </summary>
public sealed class SubjectRequestForm
{
    public const int NameMax = 200;
    public const int EmailMax = EmailAddress.MaxLength;
    public const int TextMax = 2000;

    public string? ReceivedOn { get; set; }
    public string? Kind { get; set; }
    public string? Channel { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Note { get; set; }
    public bool Extended { get; set; }
    public string? ExtensionReason { get; set; }
    public string? Status { get; set; }
    public string? ClosedOn { get; set; }
    public string? Outcome { get; set; }

    public static SubjectRequestForm From(SubjectRequest r) => new()
    {
        ReceivedOn = Iso(r.ReceivedOn),
        Kind = r.Kind.ToString(),
        Channel = r.Channel.ToString(),
        Name = r.RequesterName,
        Email = r.RequesterEmail,
        Note = r.Note,
        Extended = r.ExtensionReason is not null,
        ExtensionReason = r.ExtensionReason,
        Status = r.Status.ToString(),
        ClosedOn = r.ClosedOn is { } closed ? Iso(closed) : null,
        Outcome = r.Outcome,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>German errors by field name; empty when the form can be saved.</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (ParseDate(ReceivedOn) is not { } received) errors[nameof(ReceivedOn)] = "Bitte geben Sie das Eingangsdatum an (TT.MM.JJJJ).";
        else if (received > today) errors[nameof(ReceivedOn)] = "Das Eingangsdatum liegt in der Zukunft.";
        if (!Enum.TryParse<SubjectRequestKind>(Kind, out _) || int.TryParse(Kind, out _)) errors[nameof(Kind)] = "Bitte wählen Sie die Art der Anfrage.";
        if (!Enum.TryParse<RequestChannel>(Channel, out _) || int.TryParse(Channel, out _)) errors[nameof(Channel)] = "Bitte wählen Sie, auf welchem Weg die Anfrage kam.";
        if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email))
            errors[nameof(Name)] = "Bitte geben Sie den Namen oder die E-Mail-Adresse der Person an, so wie sie sie genannt hat.";
        else if (Name?.Trim().Length > NameMax) errors[nameof(Name)] = $"Der Name ist zu lang (höchstens {NameMax} Zeichen).";
        if (!string.IsNullOrWhiteSpace(Email) && !EmailAddress.TryNormalize(Email, out _, out var emailError)) errors[nameof(Email)] = emailError;
        if (Note?.Trim().Length > TextMax) errors[nameof(Note)] = $"Die Notiz ist zu lang (höchstens {TextMax} Zeichen).";
        if (Extended && string.IsNullOrWhiteSpace(ExtensionReason))
            errors[nameof(ExtensionReason)] = "Eine Verlängerung der Frist braucht eine Begründung (Art. 12 Abs. 3 DSGVO); die Person ist darüber zu unterrichten.";
        else if (ExtensionReason?.Trim().Length > TextMax) errors[nameof(ExtensionReason)] = $"Die Begründung ist zu lang (höchstens {TextMax} Zeichen).";
        CheckClosing(errors, today);
        return errors;
    }

    private void CheckClosing(Dictionary<string, string> errors, DateOnly today)
    {
        if (!Enum.TryParse<SubjectRequestStatus>(Status ?? nameof(SubjectRequestStatus.Open), out var status) || int.TryParse(Status, out _))
        {
            errors[nameof(Status)] = "Bitte wählen Sie einen Status.";
            return;
        }
        if (status == SubjectRequestStatus.Open) return;
        if (ParseDate(ClosedOn) is not { } closed) errors[nameof(ClosedOn)] = "Bitte geben Sie an, wann die Anfrage abgeschlossen wurde (TT.MM.JJJJ).";
        else if (closed > today) errors[nameof(ClosedOn)] = "Das Abschlussdatum liegt in der Zukunft.";
        else if (ParseDate(ReceivedOn) is { } received && closed < received) errors[nameof(ClosedOn)] = "Das Abschlussdatum liegt vor dem Eingang.";
        if (string.IsNullOrWhiteSpace(Outcome))
            errors[nameof(Outcome)] = status == SubjectRequestStatus.Done
                ? "Bitte halten Sie fest, was getan wurde."
                : "Bitte geben Sie den Grund der Ablehnung an (die Person ist darüber zu unterrichten, Art. 12 Abs. 4 DSGVO).";
        else if (Outcome.Trim().Length > TextMax) errors[nameof(Outcome)] = $"Der Text ist zu lang (höchstens {TextMax} Zeichen).";
    }

    /// <summary>Writes a checked form to the request; the deadline follows from the received date and the extension.</summary>
    public void ApplyTo(SubjectRequest r)
    {
        r.ReceivedOn = ParseDate(ReceivedOn)!.Value;
        r.Kind = Enum.Parse<SubjectRequestKind>(Kind!);
        r.Channel = Enum.Parse<RequestChannel>(Channel!);
        r.RequesterName = Clean(Name);
        r.RequesterEmail = Clean(Email);
        r.Note = Clean(Note);
        r.ExtensionReason = Extended ? Clean(ExtensionReason) : null;
        r.DueOn = RequestDeadline.Due(r.ReceivedOn, r.ExtensionReason is not null);
        r.Status = Enum.Parse<SubjectRequestStatus>(Status ?? nameof(SubjectRequestStatus.Open));
        r.ClosedOn = r.Status == SubjectRequestStatus.Open ? null : ParseDate(ClosedOn);
        r.Outcome = r.Status == SubjectRequestStatus.Open ? null : Clean(Outcome);
    }

    /// <summary>A date as the browser's date field sends it (2026-11-30) or as German staff type it (30.11.2026).</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
