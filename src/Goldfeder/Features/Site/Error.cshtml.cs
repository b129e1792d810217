using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Features.Site;

/// <summary>Every error a reader can meet, in German, without internals. Reached by re-execution for status codes and exceptions.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);
    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        (Heading, Explanation) = status switch
        {
            404 => ("Seite nicht gefunden", "Die gesuchte Seite gibt es nicht (mehr). Vielleicht finden Sie auf der Startseite, was Sie suchen."),
            405 => ("Aktion nicht möglich", "Diese Seite kann so nicht aufgerufen werden."),
            413 => ("Anfrage zu groß", "Ihre Anfrage ist zu groß. Dateien für eine Bewerbung dürfen einzeln höchstens 10 MB und zusammen höchstens 20 MB haben."),
            429 => ("Zu viele Anfragen", "Sie haben in kurzer Zeit zu viele Anfragen gesendet. Bitte versuchen Sie es in einigen Minuten erneut."),
            >= 400 and < 500 => ("Anfrage nicht möglich", "Ihre Anfrage konnte nicht bearbeitet werden."),
            _ => ("Ein Fehler ist aufgetreten", "Leider ist bei uns ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal."),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        return Page();
    }
}
