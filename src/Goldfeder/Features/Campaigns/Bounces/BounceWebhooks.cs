using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// Providers' bounce and complaint events: Amazon SES through SNS (<c>POST /api/bounces/ses</c>, signature checked by
/// <see cref="SnsVerifier"/>) and Postmark (<c>POST /api/bounces/postmark</c>, HTTP basic auth, since Postmark signs
/// nothing). Each event is recorded once by its id (<see cref="BounceRecorder"/>); a repeat answers 200 and changes
/// nothing, so the provider stops retrying. Refusals are problem details (RFC 7807).
/// </summary>
public static class BounceWebhooks
{
    public const string Ses = "ses";
    public const string Postmark = "postmark";
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapBounceWebhooks(this IEndpointRouteBuilder routes)
    {
        var hooks = routes.MapGroup("/api/bounces").WithTags("Bounces").DisableAntiforgery();
        hooks.MapPost("/ses", SesAsync).ProducesProblem(400).ProducesProblem(403);
        hooks.MapPost("/postmark", PostmarkAsync).ProducesProblem(400).ProducesProblem(401);
        return routes;
    }

    private static async Task<IResult> SesAsync(HttpRequest request, SnsVerifier verifier, BounceRecorder recorder, DeliveryToken tokens, ILogger<SnsVerifier> log, CancellationToken ct)
    {
        if (await BodyAsync(request, ct) is not { } body || SnsMessage.Parse(body) is not { } message)
            return Results.Problem(title: "Keine lesbare SNS-Nachricht.", statusCode: 400);
        if (await verifier.ProblemAsync(message, ct) is { } problem)
        {
            log.LogWarning("SNS message refused: {Problem}", problem);
            return Results.Problem(title: problem, statusCode: 403);
        }
        switch (message.Type)
        {
            case "SubscriptionConfirmation":
                return await verifier.ConfirmAsync(message, ct) ? Results.Ok() : Results.Problem(title: "Das Abonnement ließ sich nicht bestätigen.", statusCode: 400);
            case "Notification":
                foreach (var o in await SesObservationsAsync(message, tokens, ct)) await recorder.RecordAsync(o, ct);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>One observation per recipient of an SES Bounce or Complaint notification (or event); a Delivery or anything else gives none.</summary>
    private static async Task<List<BounceRecorder.Observation>> SesObservationsAsync(SnsMessage message, DeliveryToken tokens, CancellationToken ct)
    {
        var list = new List<BounceRecorder.Observation>();
        JsonElement ses;
        try { ses = JsonDocument.Parse(message.Message).RootElement.Clone(); }
        catch (JsonException) { return list; }
        var type = Str(ses, "notificationType") ?? Str(ses, "eventType");
        var (kind, recipients, detailOf) = type switch
        {
            "Bounce" when ses.TryGetProperty("bounce", out var b) => (
                Str(b, "bounceType") switch { "Permanent" => BounceKind.Hard, "Transient" => BounceKind.Soft, _ => BounceKind.Notice },
                Array(b, "bouncedRecipients"),
                (Func<JsonElement, string>)(r => $"SES {Str(b, "bounceType")}/{Str(b, "bounceSubType")} {Str(r, "status")} {Str(r, "diagnosticCode")}".Trim())),
            "Complaint" when ses.TryGetProperty("complaint", out var c) => (
                Str(c, "complaintFeedbackType") == "not-spam" ? BounceKind.Notice : BounceKind.Complaint,
                Array(c, "complainedRecipients"),
                (Func<JsonElement, string>)(_ => $"SES Beschwerde {Str(c, "complaintFeedbackType")}".Trim())),
            _ => (BounceKind.Notice, [], _ => ""),
        };
        var clues = new StringBuilder();
        if (ses.TryGetProperty("mail", out var mail))
        {
            if (mail.TryGetProperty("commonHeaders", out var common)) clues.AppendLine(Str(common, "messageId"));
            foreach (var h in Array(mail, "headers")) clues.AppendLine(Str(h, "value"));
        }
        var deliveryIds = await tokens.FindAsync(clues.ToString(), ct);
        for (var i = 0; i < recipients.Count; i++)
        {
            var detail = Mail.LogText.WithoutAddresses(detailOf(recipients[i]));
            // A token names one delivery; with several recipients only the address can tell them apart.
            var deliveryId = recipients.Count == 1 && deliveryIds.Count > 0 ? deliveryIds[0] : (long?)null;
            list.Add(new BounceRecorder.Observation(Ses, $"{message.MessageId}/{i}", kind, detail, deliveryId, Str(recipients[i], "emailAddress")));
        }
        return list;
    }

    public sealed record PostmarkEvent(string? RecordType, long? ID, string? Type, string? Email, string? Description, string? Details);

    private static async Task<IResult> PostmarkAsync(HttpRequest request, IOptions<BounceOptions> options, BounceRecorder recorder, CancellationToken ct)
    {
        if (!BasicAuthHolds(request, options.Value.Postmark))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"bounces\"";
            return Results.Problem(title: "Zugangsdaten fehlen oder stimmen nicht.", statusCode: 401);
        }
        PostmarkEvent? e = null;
        try { if (await BodyAsync(request, ct) is { } body) e = JsonSerializer.Deserialize<PostmarkEvent>(body); }
        catch (JsonException) { }
        if (e?.ID is not { } id || e.RecordType is null) return Results.Problem(title: "Kein lesbares Postmark-Ereignis.", statusCode: 400);
        var kind = e.RecordType switch
        {
            "SpamComplaint" => BounceKind.Complaint,
            "Bounce" => e.Type switch
            {
                "HardBounce" or "BadEmailAddress" or "ManuallyDeactivated" => BounceKind.Hard,
                "SoftBounce" or "Transient" or "DnsError" => BounceKind.Soft,
                "SpamComplaint" => BounceKind.Complaint,
                "AutoResponder" => BounceKind.AutoReply,
                _ => BounceKind.Notice,
            },
            _ => (BounceKind?)null,
        };
        if (kind is null) return Results.Ok(); // deliveries, opens, clicks: not ours to record
        var detail = Mail.LogText.WithoutAddresses($"Postmark {e.Type} {e.Description}".Trim());
        await recorder.RecordAsync(new BounceRecorder.Observation(Postmark, $"{e.RecordType}:{id}", kind.Value, detail, null, e.Email), ct);
        return Results.Ok();
    }

    /// <summary>Both values compared in constant time, as hashes so that their lengths tell nothing; unset credentials refuse everything.</summary>
    private static bool BasicAuthHolds(HttpRequest request, BounceOptions.PostmarkOptions expected)
    {
        if (string.IsNullOrEmpty(expected.User) || string.IsNullOrEmpty(expected.Password)) return false;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
        catch (FormatException) { return false; }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return false;
        var userOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(decoded[..colon])), SHA256.HashData(Encoding.UTF8.GetBytes(expected.User)));
        var passwordOk = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..])), SHA256.HashData(Encoding.UTF8.GetBytes(expected.Password)));
        return userOk & passwordOk;
    }

    /// <summary>The request body as text, or null when it is larger than any real event.</summary>
    private static async Task<string?> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var total = 0;
        int read;
        while (total <= MaxBody && (read = await reader.ReadAsync(buffer.AsMemory(total, buffer.Length - total), ct)) > 0) total += read;
        return total > MaxBody ? null : new string(buffer, 0, total);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];
}
