using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Goldfeder.Tests.Infrastructure;

public static class NewsletterFixtures
{
    public static Task<HttpResponseMessage> SignUpAsync(this GoldfederApp app, string email, string source = "/news/" + Seed.Slug, string? userAgent = "Testbrowser/1.0") =>
        app.PostFormAsync("/newsletter", new() { ["email"] = email, ["quelle"] = source, ["website"] = "" }, userAgent);

    public static async Task<HttpResponseMessage> PostFormAsync(this GoldfederApp app, string url, Dictionary<string, string> form, string? userAgent = "Testbrowser/1.0")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (userAgent is not null) request.Headers.UserAgent.ParseAdd(userAgent);
        return await app.Browser().SendAsync(request);
    }

    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://\S+{Regex.Escape(path)}\?token=[A-Za-z0-9_-]+");
        Assert.True(match.Success, $"no {path} link in:\n{message.TextBody}");
        return match.Value;
    }

    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    public static Task<Subscriber?> SubscriberAsync(this GoldfederApp app, string email) =>
        app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Subscribers.AsNoTracking()
            .FirstOrDefaultAsync(x => x.NormalizedEmail == email.ToLowerInvariant()));

    public static Task<List<ConsentEvent>> EventsAsync(this GoldfederApp app, int subscriberId) =>
        app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ConsentEvents.AsNoTracking()
            .Where(e => e.SubscriberId == subscriberId).OrderBy(e => e.Id).ToListAsync());

    public static async Task<string> ConfirmedAsync(this GoldfederApp app, TestSmtpServer smtp, string email)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignUpAsync(email)).StatusCode);
        var mail = (await smtp.WaitForAsync(email)).Last();
        var confirm = await app.PostFormAsync(PathOf(LinkIn(mail, "/newsletter/bestaetigen")), []);
        Assert.Equal("/newsletter/bestaetigt", confirm.Headers.Location?.OriginalString);
        return LinkIn((await smtp.WaitForAsync(email, 2)).Last(), "/newsletter/abmelden");
    }
}
