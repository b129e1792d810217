using System.Text.RegularExpressions;
using Goldfeder.Common;

namespace Goldfeder.Features.Careers;

/// <summary>What an applicant sends: read from the multipart form by hand (see Show.cshtml.cs), checked here, German errors by field.</summary>
public sealed partial class ApplicationForm
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxTotalBytes = 20 * 1024 * 1024;
    public const int MaxAttachments = 2;

    /// <summary>The form's limit: the files plus room for the text fields and multipart framing. Nothing beyond it is parsed or stored.</summary>
    public const long MaxRequestBytes = MaxTotalBytes + 1024 * 1024;

    /// <summary>
    /// Kestrel's limit for the page: a request larger than this is cut off by the server itself (the client may then see
    /// a reset connection instead of our page). Between <see cref="MaxRequestBytes"/> and this, the rest of the body is
    /// read and thrown away, so that every browser gets the German answer; see Show.cshtml.cs.
    /// </summary>
    public const long HardRequestBytes = 100 * 1024 * 1024;

    public const string FilesAgain = "Bitte wählen Sie Ihre Dateien erneut aus: Aus Sicherheitsgründen behält der Browser sie nach einem Fehler nicht.";

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Message { get; set; } = "";
    public bool PrivacyAccepted { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string Website { get; set; } = "";

    public IFormFile? Cv { get; set; }
    public List<IFormFile> Attachments { get; set; } = [];

    public IEnumerable<IFormFile> Files => Attachments.Prepend(Cv).OfType<IFormFile>();

    public static ApplicationForm From(IFormCollection form) => new()
    {
        Name = Clip(form["name"], 400),
        Email = Clip(form["email"], 1000),
        Phone = Clip(form["telefon"], 100),
        Message = Clip(form["nachricht"], 20_000),
        PrivacyAccepted = form["datenschutz"] == "ja",
        Website = form["website"].ToString(),
        Cv = form.Files.GetFiles("lebenslauf").FirstOrDefault(Chosen),
        Attachments = form.Files.Where(f => f.Name != "lebenslauf" && Chosen(f)).ToList()
            .Concat(form.Files.GetFiles("lebenslauf").Where(Chosen).Skip(1)).ToList(),
    };

    /// <summary>A file input left empty still sends a part without a file name.</summary>
    private static bool Chosen(IFormFile f) => !string.IsNullOrEmpty(f.FileName) || f.Length > 0;

    private static string Clip(string? s, int max) => (s ?? "").Length <= max ? s ?? "" : s![..max];

    /// <summary>German errors by field ("name", "email", "telefon", "nachricht", "datenschutz", "lebenslauf", "anlagen"); empty when the application can be taken.</summary>
    public async Task<Dictionary<string, string>> CheckAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Name = Name.Trim();
        Phone = Phone.Trim();
        Message = Message.Trim();
        if (Name.Length == 0) errors["name"] = "Bitte geben Sie Ihren Namen ein.";
        else if (Name.Length > MaxNameLength) errors["name"] = $"Der Name darf höchstens {MaxNameLength} Zeichen haben.";
        else if (Name.Any(char.IsControl)) errors["name"] = "Der Name enthält Zeichen, die wir nicht speichern können.";
        else if (LooksLikeLink(Name)) errors["name"] = "Der Name darf keine Internetadresse enthalten.";
        if (!EmailAddress.TryNormalize(Email, out var email, out var emailError)) errors["email"] = emailError;
        else Email = email;
        if (Phone.Length > 50 || Phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '/' or '(' or ')')))
            errors["telefon"] = "Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + - / ( ) an (höchstens 50 Zeichen).";
        if (Message.Length > 10_000) errors["nachricht"] = "Ihre Nachricht darf höchstens 10.000 Zeichen haben.";
        if (!PrivacyAccepted) errors["datenschutz"] = "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben. Ohne diese Zustimmung können wir Ihre Bewerbung nicht bearbeiten.";

        if (Cv is null) errors["lebenslauf"] = "Bitte fügen Sie Ihren Lebenslauf als PDF bei.";
        else if (await FileErrorAsync(Cv, ct) is string cvError) errors["lebenslauf"] = cvError;
        if (Attachments.Count > MaxAttachments) errors["anlagen"] = $"Bitte fügen Sie höchstens {MaxAttachments} weitere Anlagen bei.";
        else
        {
            foreach (var file in Attachments)
                if (await FileErrorAsync(file, ct) is string fileError) { errors["anlagen"] = fileError; break; }
        }
        if (!errors.ContainsKey("lebenslauf") && !errors.ContainsKey("anlagen") && Files.Sum(f => f.Length) > MaxTotalBytes)
            errors["anlagen"] = "Ihre Dateien sind zusammen größer als 20 MB. Bitte verkleinern Sie sie oder lassen Sie eine Anlage weg.";
        return errors;
    }

    /// <summary>The name goes into a mail to an address nobody has verified yet, so it is short and carries no link.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A scheme, "www.", an @ or a dotted host name ("evil.example", "gold.de/x"): what a mail client would make a link of.</summary>
    public static bool LooksLikeLink(string text) => LinkLike().IsMatch(text);

    [GeneratedRegex(@"://|www\.|@|[\p{L}\p{N}-]\.[\p{L}]{2,}(\b|/)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLike();

    private static async Task<string?> FileErrorAsync(IFormFile file, CancellationToken ct)
    {
        var shown = UploadedFileName.Safe(file.FileName);
        if (file.Length == 0) return $"Die Datei „{shown}“ ist leer.";
        if (file.Length > MaxFileBytes) return $"Die Datei „{shown}“ ist größer als 10 MB. Bitte verkleinern Sie sie.";
        await using var content = file.OpenReadStream();
        if (!await PdfCheck.IsPdfAsync(content, ct))
            return $"Die Datei „{shown}“ ist kein PDF. Bitte laden Sie nur PDF-Dateien hoch (eine umbenannte Datei genügt nicht).";
        return null;
    }
}
