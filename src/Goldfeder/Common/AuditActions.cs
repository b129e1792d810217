namespace Goldfeder.Common;

/// <summary>
/// What each audit code means, in German, for the audit page. The code itself stays in the log (it is what a query or
/// an export matches on) and is shown as the label's tooltip; a code without a label is shown as it is.
/// </summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["article.create"] = "Artikel angelegt",
        ["article.update"] = "Artikel geändert",
        ["article.restore"] = "Artikelversion wiederhergestellt",
        ["article.preview-link"] = "Vorschau-Link erzeugt",
        ["author.describe"] = "Autorenprofil geändert",
        ["image.upload"] = "Bild hochgeladen",
        ["wordpress.import"] = "WordPress-Import",
        ["topic.describe"] = "Themenbeschreibung geändert",
        ["topic.create"] = "Newsletter-Thema angelegt",
        ["topic.update"] = "Newsletter-Thema geändert",
        ["topic.retire"] = "Newsletter-Thema zurückgezogen",
        ["topic.restore"] = "Newsletter-Thema wieder angeboten",
        ["legal.update"] = "Rechtstext geändert",
        ["campaign.create"] = "Newsletter angelegt",
        ["campaign.update"] = "Newsletter geändert",
        ["campaign.test"] = "Testversand",
        ["campaign.schedule"] = "Newsletter geplant",
        ["campaign.send"] = "Versand gestartet",
        ["campaign.pause"] = "Versand angehalten",
        ["campaign.resume"] = "Versand fortgesetzt",
        ["campaign.cancel"] = "Versand abgebrochen",
        ["campaign.retry-failed"] = "Fehlgeschlagene erneut versandt",
        ["campaign.relay"] = "Relay gewählt",
        ["subscribers.import"] = "Abonnenten importiert",
        ["suppression.clear"] = "Sperre aufgehoben",
        ["consent.proof.view"] = "Einwilligungsnachweis angesehen",
        ["consent.export"] = "Auskunft erstellt (Art. 15)",
        ["consent.erase"] = "Daten gelöscht (Art. 17)",
        ["subject-request.create"] = "Anfrage von Betroffenen erfasst",
        ["subject-request.update"] = "Anfrage von Betroffenen geändert",
        ["subject-request.extend"] = "Frist einer Anfrage verlängert",
        ["subject-request.done"] = "Anfrage von Betroffenen erledigt",
        ["subject-request.reject"] = "Anfrage von Betroffenen abgelehnt",
        ["subject-request.reopen"] = "Anfrage von Betroffenen wieder geöffnet",
        ["subject-request.retention-delete"] = "Anfragen nach Aufbewahrungsfrist gelöscht",
        ["posting.create"] = "Stellenanzeige angelegt",
        ["posting.update"] = "Stellenanzeige geändert",
        ["application.reply"] = "Antwort an Bewerber/in gesendet",
        ["careers.template"] = "Antwortvorlage geändert",
        ["application.update"] = "Bewerbung bearbeitet",
        ["application.delete"] = "Bewerbung gelöscht",
        ["application.erase"] = "Bewerbung gelöscht (Löschanfrage)",
        ["application.retention-delete"] = "Bewerbung nach Aufbewahrungsfrist gelöscht",
        ["application.file-download"] = "Bewerbungsunterlage heruntergeladen",
        ["staff.invite"] = "Konto eingeladen",
        ["staff.reinvite"] = "Einladung erneut gesendet",
        ["staff.invite-accept"] = "Einladung angenommen",
        ["staff.roles"] = "Rollen geändert",
        ["staff.disable"] = "Konto deaktiviert",
        ["staff.enable"] = "Konto wieder aktiviert",
        ["staff.password-reset"] = "Passwort über Link zurückgesetzt",
        ["staff.password-change"] = "Eigenes Passwort geändert",
        ["staff.2fa-on"] = "Anmeldung mit Code eingeschaltet",
        ["staff.2fa-off"] = "Anmeldung mit Code ausgeschaltet",
        ["staff.recovery-codes"] = "Neue Wiederherstellungscodes erzeugt",
        ["staff.recovery-code"] = "Mit Wiederherstellungscode angemeldet",
        ["staff.2fa-policy"] = "Regel für Anmeldung mit Code geändert",
    };

    public static string German(string action) =>
        Labels.TryGetValue(action, out var label) ? label
        : action.StartsWith("api.", StringComparison.Ordinal) ? $"API-Aufruf ({action[4..]})"
        : action;
}
