using Goldfeder.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// <c>/newsletter/einstellungen?token=…</c>: the preference center, reached by the personal link in every mail (HMAC
/// of the subscriber id, <see cref="WithdrawalTokens.Preferences"/>), no login, no script needed. GET only shows; each
/// form POSTs to its handler and comes back here (post/redirect/get). A link that is not ours gets a German error page.
/// No antiforgery token: the unguessable token is the proof, as for the withdrawal link.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PreferencesModel(
    WithdrawalTokens tokens, Preferences preferences, Withdrawal withdrawal, NewsletterTopics topics,
    IOptions<NewsletterOptions> options, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public const string Path = "/newsletter/einstellungen";

    [FromQuery(Name = "token")] public string? Token { get; set; }
    [FromQuery(Name = "hinweis")] public string? Hint { get; set; }
    public Preferences.State? State { get; private set; }
    public IReadOnlyList<NewsletterTopics.Topic> Offered { get; private set; } = [];
    public string? Error { get; private set; }
    public DateTime Now { get; private set; }

    public string Notice => Hint switch
    {
        "themen" => "Ihre Themen sind gespeichert.",
        "pause" => "Der Newsletter ist pausiert.",
        "weiter" => "Sie erhalten den Newsletter wieder.",
        "bestaetigt" => "Vielen Dank! Sie erhalten unseren Newsletter weiter.",
        _ => "",
    };

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostTopicsAsync([FromForm(Name = "themen")] int[]? chosen, CancellationToken ct) =>
        ActAsync(async (id, requester) => await preferences.SetTopicsAsync(id, chosen ?? [], requester, ct) is { } error ? error : null, "themen", ct);

    public Task<IActionResult> OnPostPauseAsync([FromForm(Name = "monate")] int months, CancellationToken ct) =>
        ActAsync(async (id, requester) => await preferences.PauseAsync(id, months, requester, ct) ? null : "Bitte wählen Sie eine Pause von ein bis drei Monaten.", "pause", ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) =>
        ActAsync(async (id, requester) => await preferences.ResumeAsync(id, requester, ct) ? null : Inactive, "weiter", ct);

    public Task<IActionResult> OnPostReconfirmAsync(CancellationToken ct) =>
        ActAsync(async (id, requester) => await preferences.ReconfirmAsync(id, requester, ct) ? null : Inactive, "bestaetigt", ct);

    /// <summary>"Allen Werbe-E-Mails widersprechen": withdraws the whole subscription at once (Art. 7(3), Art. 21 GDPR).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        ConfirmModel.NoStore(Response);
        var id = await tokens.VerifyAsync(Token, WithdrawalTokens.Preferences, ct);
        if (id is null) return await ShowAsync(ct);
        await withdrawal.WithdrawAsync(id.Value, "Einstellungen: allen Werbe-E-Mails widersprochen", Requester.From(HttpContext, options, site.Value, Path), ct);
        return Redirect("/newsletter/abgemeldet");
    }

    private const string Inactive = "Dieses Abonnement ist nicht aktiv. Bitte melden Sie sich neu an.";

    private async Task<IActionResult> ActAsync(Func<int, Requester, Task<string?>> act, string done, CancellationToken ct)
    {
        ConfirmModel.NoStore(Response);
        var id = await tokens.VerifyAsync(Token, WithdrawalTokens.Preferences, ct);
        if (id is null) return await ShowAsync(ct);
        var error = await act(id.Value, Requester.From(HttpContext, options, site.Value, Path));
        if (error is null) return Redirect($"{Path}?token={Uri.EscapeDataString(Token!)}&hinweis={done}");
        Error = error;
        var page = await ShowAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        ConfirmModel.NoStore(Response);
        Now = clock.GetUtcNow().UtcDateTime;
        var id = await tokens.VerifyAsync(Token, WithdrawalTokens.Preferences, ct);
        State = id is null ? null : await preferences.StateAsync(id.Value, ct);
        if (State is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        Offered = await topics.ActiveAsync(ct);
        return Page();
    }

    public bool Holds(int topicId) => State is { } s && (s.WholeNewsletter || s.Topics.Contains(topicId));
}
