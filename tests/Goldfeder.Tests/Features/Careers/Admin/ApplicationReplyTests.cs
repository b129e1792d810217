using System.Net;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Goldfeder.Mail;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers.Admin;

/// <summary>HR answers from the inbox with editable templates; the applicant's answers reach the posting's contact; everything is kept with the application and deleted with it.</summary>
public sealed class ApplicationReplyTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public ApplicationReplyTests()
    {
        var (settings, _) = CareersFixtures.Settings(new(_smtp.Settings()) { ["Careers:HrNotificationAddress"] = "personal@example.de" });
        _app = GoldfederApp.With(settings);
    }

    public async Task InitializeAsync()
    {
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().JobPostings.Where(p => p.Slug == Advisor)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ContactName, "Anna Berg").SetProperty(p => p.ContactEmail, "anna.berg@example.de").SetProperty(p => p.ContactNoun, ContactNoun.Partnerin)));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, Form())).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<Application> ApplicationAsync() => _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Applications.AsNoTracking().SingleAsync());

    private static FormUrlEncodedContent Reply(string token, string kind, string subject, string body) =>
        Form(token, ("art", kind), ("betreff", subject), ("text", body));

    [Fact]
    public async Task The_confirmation_names_the_contact_as_she_is_and_answers_reach_her()
    {
        var confirmation = (await _smtp.WaitForAsync("erika@example.de")).Single();
        Assert.Contains("Ihre Ansprechpartnerin ist Anna Berg (anna.berg@example.de).", confirmation.TextBody);
        Assert.Equal("anna.berg@example.de", confirmation.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task HR_invites_from_a_template_it_edited_and_the_invitation_is_sent_kept_and_sets_the_status()
    {
        var application = await ApplicationAsync();
        var hr = await _app.StaffAsync("HR");
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync($"/admin/karriere/bewerbung/{application.Id}?vorlage=Invitation"));
        Assert.Contains("Guten Tag Erika Mustermann,", page);
        Assert.Contains("Ihre Bewerbung als Kundenberater/in Edelmetalle (m/w/d) hat uns überzeugt", page);
        Assert.Contains("Einladung senden", page);

        var sent = await hr.PostAsync($"/admin/karriere/bewerbung/{application.Id}?handler=Reply", Reply(TokenIn(page), "Invitation",
            "Einladung zum Gespräch: Kundenberater/in", "Guten Tag Erika Mustermann,\n\nhaben Sie am Dienstag um 10 Uhr Zeit?\n\nAnna Berg"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = (await _smtp.WaitForAsync("erika@example.de", 2)).Single(m => m.Subject == "Einladung zum Gespräch: Kundenberater/in");
        Assert.Contains("haben Sie am Dienstag um 10 Uhr Zeit?", mail.TextBody);
        Assert.Contains("<p>haben Sie am Dienstag um 10 Uhr Zeit?</p>", mail.HtmlBody);
        Assert.Equal("anna.berg@example.de", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(ApplicationStatus.Invited, (await ApplicationAsync()).Status);
        var detail = WebUtility.HtmlDecode(await hr.GetStringAsync($"/admin/karriere/bewerbung/{application.Id}?gesendet=true"));
        Assert.Contains("Die Antwort ist verschickt", detail);
        Assert.Contains("Einladung, ", detail);
        Assert.Contains("haben Sie am Dienstag um 10 Uhr Zeit?", detail);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "application.reply"));
        Assert.Equal("Einladung", audit.After);
    }

    [Fact]
    public async Task An_answer_without_subject_or_with_a_second_header_line_is_refused_in_german_and_nothing_is_sent()
    {
        var application = await ApplicationAsync();
        var hr = await _app.StaffAsync("HR");
        var token = TokenIn(await hr.GetStringAsync($"/admin/karriere/bewerbung/{application.Id}"));

        var empty = await hr.PostAsync($"/admin/karriere/bewerbung/{application.Id}?handler=Reply", Reply(token, "Receipt", " ", "Text."));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Bitte geben Sie einen Betreff ein.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var injected = await hr.PostAsync($"/admin/karriere/bewerbung/{application.Id}?handler=Reply", Reply(token, "Receipt", "Hallo\r\nBcc: viele@example.com", "Text, der bleibt."));
        Assert.Equal(HttpStatusCode.BadRequest, injected.StatusCode);
        var html = WebUtility.HtmlDecode(await injected.Content.ReadAsStringAsync());
        Assert.Contains("Der Betreff muss in eine Zeile passen.", html);
        Assert.Contains("Text, der bleibt.", html); // what HR wrote is not lost

        Assert.Equal(0, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ApplicationReplies.CountAsync()));
        Assert.Equal(ApplicationStatus.New, (await ApplicationAsync()).Status);
    }

    [Fact]
    public async Task HR_rewords_the_rejection_which_then_starts_the_retention_and_deleting_the_application_takes_every_answer_with_it()
    {
        var application = await ApplicationAsync();
        var hr = await _app.StaffAsync("HR");
        var templates = await hr.GetStringAsync("/admin/karriere/vorlagen");
        var saved = await hr.PostAsync("/admin/karriere/vorlagen", Form(TokenIn(templates), ("art", "Rejection"), ("betreff", "Ihre Bewerbung: {Stelle}"), ("text", "Liebe/r {Name},\n\nleider nicht. {Ansprechperson}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = WebUtility.HtmlDecode(await hr.GetStringAsync($"/admin/karriere/bewerbung/{application.Id}?vorlage=Rejection"));
        Assert.Contains("Liebe/r Erika Mustermann,\n\nleider nicht. Anna Berg", page.Replace("\r\n", "\n"));
        Assert.Contains("value=\"Ihre Bewerbung: Kundenberater/in Edelmetalle (m/w/d)\"", page);
        await hr.PostAsync($"/admin/karriere/bewerbung/{application.Id}?handler=Reply", Reply(TokenIn(page), "Rejection", "Ihre Bewerbung", "Liebe/r Erika Mustermann,\n\nleider nicht."));
        await _smtp.WaitForAsync("erika@example.de", 2);
        var rejected = await ApplicationAsync();
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.NotNull(rejected.ClosedAtUtc);

        var token = TokenIn(await hr.GetStringAsync($"/admin/karriere/bewerbung/{application.Id}"));
        await hr.PostAsync($"/admin/karriere/bewerbung/{application.Id}?handler=Delete", Form(token, ("bestaetigt", "true")));

        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            Assert.Equal(0, await db.Applications.CountAsync());
            Assert.Equal(0, await db.ApplicationReplies.CountAsync());
            Assert.Equal(0, await db.OutboxMails.CountAsync(m => m.Recipient == "erika@example.de"));
        });
    }
}
