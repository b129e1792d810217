using System.Security.Cryptography;
using System.Text;
using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// The JSON admin API for campaigns and list imports, authenticated with a named key (<c>Campaigns:ApiKeys</c>, or
/// the old <c>Campaigns:ApiKey</c>) in the <c>X-Api-Key</c> header; each endpoint needs one of the key's roles
/// (<see cref="ApiRoles"/>), and every call that changes something is audited under the key's name. Errors are problem
/// details (RFC 7807); the OpenAPI document is at <c>/openapi/v1.json</c>.
/// </summary>
public static class CampaignsApi
{
    /// <param name="Topics">The names of the topics the campaign goes to; none: every confirmed subscriber.</param>
    public sealed record CampaignInput(string? Subject, string? Preheader, string? BodyMarkdown, bool IncludeDigest, List<string>? Topics = null);
    public sealed record Created(int Id);
    public sealed record Started(int Recipients);
    public sealed record Retried(int Deliveries);

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/admin").AddEndpointFilter(RequireApiKey).WithTags("Campaigns")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/campaigns", Create).WithMetadata(new NeedsRole(ApiRoles.Write));
        api.MapGet("/campaigns/{id:int}", Status).WithMetadata(new NeedsRole(ApiRoles.Read));
        api.MapPost("/campaigns/{id:int}/send", Send).WithMetadata(new NeedsRole(ApiRoles.Send));
        api.MapPost("/campaigns/{id:int}/pause", (int id, CampaignControl control, CancellationToken ct) => Move(control.PauseAsync(id, ct), "Nur ein laufender Versand kann angehalten werden."))
            .WithMetadata(new NeedsRole(ApiRoles.Send));
        api.MapPost("/campaigns/{id:int}/resume", (int id, CampaignControl control, CancellationToken ct) => Move(control.ResumeAsync(id, ct), "Nur ein angehaltener Versand kann fortgesetzt werden."))
            .WithMetadata(new NeedsRole(ApiRoles.Send));
        api.MapPost("/campaigns/{id:int}/cancel", (int id, CampaignControl control, CancellationToken ct) => Move(control.CancelAsync(id, ct), "Der Versand ist schon beendet oder abgebrochen."))
            .WithMetadata(new NeedsRole(ApiRoles.Send));
        api.MapPost("/campaigns/{id:int}/retry-failed", async (int id, CampaignControl control, CancellationToken ct) => TypedResults.Ok(new Retried(await control.RetryFailedAsync(id, ct))))
            .WithMetadata(new NeedsRole(ApiRoles.Send));
        api.MapPost("/subscribers/import", Import).Accepts<string>("text/csv").WithMetadata(new NeedsRole(ApiRoles.Import));
        return routes;
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> Create(
        CampaignInput input, CampaignControl control, CampaignAudience audience, Newsletter.NewsletterTopics topics, CancellationToken ct)
    {
        var offered = (await topics.ActiveAsync(ct)).ToDictionary(t => t.Name, t => t.Id, StringComparer.OrdinalIgnoreCase);
        var unknown = (input.Topics ?? []).Where(n => !offered.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["topics"] = [$"Diese Themen gibt es nicht: {string.Join(", ", unknown)}. Angeboten: {string.Join(", ", offered.Keys)}."],
            });
        var (campaign, errors) = await control.CreateAsync(new CampaignControl.Draft(input.Subject, input.Preheader, input.BodyMarkdown, input.IncludeDigest), ct);
        if (campaign is null) return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        await audience.SetTopicsAsync(campaign.Id, (input.Topics ?? []).Select(n => offered[n]).ToList(), ct);
        return TypedResults.Created($"/api/admin/campaigns/{campaign.Id}", new Created(campaign.Id));
    }

    private static async Task<Results<Ok<CampaignProgress>, ProblemHttpResult>> Status(int id, GoldfederDb db, TimeProvider clock, CancellationToken ct) =>
        await CampaignProgress.OfAsync(db, id, clock, ct) is { } progress ? TypedResults.Ok(progress) : NotFound(id);

    private static async Task<Results<Accepted<Started>, ProblemHttpResult>> Send(int id, CampaignControl control, GoldfederDb db, IOptions<SiteOptions> site, HttpContext http, CancellationToken ct)
    {
        if (await db.Campaigns.FindAsync([id], ct) is null) return NotFound(id);
        var baseUrl = SiteUrls.BaseUrl(site.Value, http.Request);
        var recipients = await control.StartAsync(id, baseUrl, ct);
        return recipients is int n
            ? TypedResults.Accepted($"/api/admin/campaigns/{id}", new Started(n))
            : TypedResults.Problem("Der Newsletter wird schon versandt oder ist versandt.", statusCode: StatusCodes.Status409Conflict, title: "Versand schon gestartet");
    }

    private static async Task<Results<Ok<SubscriberImport.Result>, ValidationProblem>> Import(HttpRequest request, SubscriberImport import, CancellationToken ct)
    {
        var result = await import.ImportAsync(request.Body, request.Query["file"].FirstOrDefault() ?? "api.csv", ct);
        return result.Refused
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. result.Errors] }, title: "Import abgelehnt: nichts wurde importiert.")
            : TypedResults.Ok(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Move(Task<bool> move, string conflict) =>
        await move ? TypedResults.NoContent() : TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Nicht möglich");

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem($"Es gibt keinen Newsletter mit der Nummer {id}.", statusCode: StatusCodes.Status404NotFound, title: "Nicht gefunden");

    /// <summary>The role an endpoint needs; an endpoint without one is refused to every key.</summary>
    private sealed record NeedsRole(string Role);

    /// <summary>
    /// 429 for an IP that sent too many wrong keys, 401 without a valid key (no key configured means no access at all),
    /// 403 when the key lacks the endpoint's role; then the call, and for anything but a GET an audit entry with the
    /// key's name, what was called and the answer's status.
    /// </summary>
    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<ApiKeyCheck>();
        var ip = ClientAddress.LimitKey(http.Connection.RemoteIpAddress);
        if (await keys.IsBlockedAsync(ip))
            return TypedResults.Problem("Zu viele Anfragen mit ungültigem API-Schlüssel. Bitte versuchen Sie es später erneut.", statusCode: StatusCodes.Status429TooManyRequests, title: "Zu viele Fehlversuche");
        if (await keys.IdentifyAsync(http.Request.Headers["X-Api-Key"].ToString(), ip) is not { } caller)
            return TypedResults.Problem("Ein gültiger API-Schlüssel im Header X-Api-Key ist nötig.", statusCode: StatusCodes.Status401Unauthorized, title: "Nicht angemeldet");
        var role = http.GetEndpoint()?.Metadata.GetMetadata<NeedsRole>()?.Role;
        if (role is null || !caller.Roles.Contains(role))
            return TypedResults.Problem($"Der API-Schlüssel „{caller.Name}“ hat die Rolle „{role}“ nicht, die dafür nötig ist.", statusCode: StatusCodes.Status403Forbidden, title: "Nicht erlaubt");

        var result = await next(context);
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            // A typed union (Results<…>) holds the real result inside.
            var status = (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: int code } ? code : http.Response.StatusCode;
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                "api:" + caller.Name, "api." + role, $"{http.Request.Method} {http.Request.Path}", after: status.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: http.RequestAborted);
        }
        return result;
    }
}
