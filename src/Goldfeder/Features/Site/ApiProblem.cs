using Microsoft.AspNetCore.Diagnostics;

namespace Goldfeder.Features.Site;

/// <summary>Every error under <c>/api</c> as problem details (RFC 7807), whatever the client's Accept header says.</summary>
public static class ApiProblem
{
    public static void Configure(ProblemDetailsOptions o) =>
        o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Title = GermanTitle(c.ProblemDetails.Status ?? 500) ?? c.ProblemDetails.Title;
            c.ProblemDetails.Extensions.Remove("exception");
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        };

    /// <summary>Status codes without a body (401 of no endpoint, 404, 405, 415, 400 of a bad body) get one.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        return Results.Problem(statusCode: status, title: GermanTitle(status)).ExecuteAsync(context.HttpContext);
    }

    private static string? GermanTitle(int status) => status switch
    {
        400 => "Ungültige Anfrage",
        401 => "Nicht angemeldet",
        403 => "Keine Berechtigung",
        404 => "Nicht gefunden",
        405 => "Methode nicht erlaubt",
        413 => "Anfrage zu groß",
        415 => "Format nicht unterstützt",
        429 => "Zu viele Anfragen",
        >= 500 => "Interner Fehler",
        _ => null,
    };
}
