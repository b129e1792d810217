namespace Goldfeder.Features.Careers;

/// <summary><c>Careers:*</c>.</summary>
public sealed class CareersOptions
{
    /// <summary>Months after a rejection, or after the posting closed or ended, until an application is deleted (AGG § 15 Abs. 4 plus § 61b ArbGG, with margin).</summary>
    public int RetentionMonths { get; set; } = 6;

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where HR's notification of a new application goes; <c>Mail:From</c> when unset.</summary>
    public string? HrNotificationAddress { get; set; }

    /// <summary>
    /// At most this many confirmation mails to one applicant address in 24 hours, whatever the sender's IP: the address is
    /// unverified, so the form must not become a way to mail strangers. Further applications still reach HR.
    /// </summary>
    public int ConfirmationsPerAddressPerDay { get; set; } = 3;

    public int ApplicationsPerIpPerWindow { get; set; } = 10;
    public TimeSpan ApplicationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Shown beside the required checkbox of every application form.</summary>
    public string PrivacyNotice { get; set; } =
        "Ich habe die Datenschutzhinweise für Bewerberinnen und Bewerber gelesen und bin einverstanden, dass meine Angaben " +
        "und Unterlagen zur Durchführung des Bewerbungsverfahrens verarbeitet werden (Art. 6 Abs. 1 lit. b DSGVO, § 26 BDSG). " +
        "Nur die für Personal zuständigen Mitarbeiterinnen und Mitarbeiter sehen meine Bewerbung. Nach Abschluss des Verfahrens " +
        "werden meine Daten spätestens sechs Monate nach einer Absage bzw. nach Besetzung der Stelle gelöscht. " +
        "Ich kann jederzeit Auskunft, Berichtigung und Löschung verlangen.";

    public FileStoreOptions FileStore { get; set; } = new();

    public sealed class FileStoreOptions
    {
        /// <summary>The folder of <see cref="LocalFileStore"/>; relative paths are under the content root. Never under wwwroot.</summary>
        public string Path { get; set; } = "data/applications";
    }
}
