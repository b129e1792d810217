using Goldfeder.Common;
using System.Net;
using AngleSharp;
using Goldfeder.Data;
using Goldfeder.Features.Careers;
using Goldfeder.Mail;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

public sealed class ApplicationJourneyTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;
    private readonly string _files;

    public ApplicationJourneyTests()
    {
        var (settings, folder) = CareersFixtures.Settings(new(_smtp.Settings()) { ["Careers:HrNotificationAddress"] = "Personal <personal@example.de>" });
        _files = folder;
        _app = GoldfederApp.With(settings);
    }

    [Fact]
    public async Task From_the_form_to_both_mails_the_inbox_and_a_download_that_only_hr_may_make()
    {
        var (_, page) = await _app.GetPageAsync($"/karriere/{Advisor}");
        var form = page.QuerySelector("form.application-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var cv = Pdf("Lebenslauf Erika");
        var posted = await _app.Browser().PostAsync(form.GetAttribute("action"), Form(files:
        [
            new Upload("lebenslauf", "Lebenslauf Erika.pdf", cv),
            new Upload("anlagen", "Zeugnis.pdf", Pdf("Zeugnis")),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/karriere/danke", posted.Headers.Location?.OriginalString);
        var (_, thanks) = await _app.GetPageAsync("/karriere/danke");
        Assert.Contains("Vielen Dank für Ihre Bewerbung", thanks.QuerySelector("h1")!.TextContent);

        var application = Assert.Single(await _app.ApplicationsAsync());
        Assert.Equal("Erika Mustermann", application.Name);
        Assert.Equal(ApplicationStatus.New, application.Status);
        Assert.Equal(2, application.Files.Count);
        Assert.Equal(2, StoredFiles(_files).Length);
        Assert.DoesNotContain(StoredFiles(_files), f => f.Contains("Lebenslauf") || f.EndsWith(".pdf"));
        // Nobody but the site's own user may read an applicant's files.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_files));
        Assert.All(StoredFiles(_files), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));

        // The applicant's confirmation, German, naming the position.
        var confirmation = (await _smtp.WaitForAsync("erika@example.de")).Single();
        Assert.Equal("Ihre Bewerbung als Kundenberater/in Edelmetalle (m/w/d) ist bei uns eingegangen", confirmation.Subject);
        Assert.Contains("Guten Tag Erika Mustermann", confirmation.TextBody);
        Assert.Contains("2 Dateien", confirmation.TextBody);
        Assert.NotNull(confirmation.HtmlBody);

        // HR's notification: a link to the inbox, the applicant as Reply-To, no attachments.
        var notification = (await _smtp.WaitForAsync("personal@example.de")).Single();
        Assert.Equal("Neue Bewerbung: Kundenberater/in Edelmetalle (m/w/d)", notification.Subject);
        Assert.Equal("erika@example.de", notification.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains($"/admin/karriere/{application.JobPostingId}/bewerbungen", notification.TextBody);
        Assert.Empty(notification.Attachments);

        // HR's inbox lists it with its files; the file opens by its random id, as a download.
        var hr = await _app.StaffAsync("HR");
        var inboxHtml = await hr.GetStringAsync($"/admin/karriere/{application.JobPostingId}/bewerbungen");
        var inbox = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(inboxHtml));
        Assert.Contains("Erika Mustermann", inbox.QuerySelector("table.applications")!.TextContent);
        var cvLink = inbox.QuerySelectorAll("a.attachment").Select(a => a.GetAttribute("href")!).First();
        var cvFile = application.Files.Single(f => f.IsCv);
        Assert.Equal($"/admin/karriere/anhang/{cvFile.Id}", cvLink);

        var download = await hr.GetAsync(cvLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(cv, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Lebenslauf Erika.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        // no-store (the session cookie, renewed on every checked request, adds no-cache).
        Assert.True(download.Headers.CacheControl?.NoStore);

        // An editor is sent to "no access", an anonymous visitor to the login; a made-up id finds nothing.
        var editor = await _app.StaffAsync("Editor");
        var denied = await editor.GetAsync(cvLink);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/admin/kein-zugriff", denied.Headers.Location!.PathAndQuery());
        var anonymous = await _app.Browser().GetAsync(cvLink);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/anmelden", anonymous.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync($"/admin/karriere/{application.JobPostingId}/bewerbungen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/admin/karriere/anhang/{Guid.NewGuid()}")).StatusCode);

        // HR moves it on and keeps a note; the audit log has the status change and the download, not the note.
        var detailUrl = $"/admin/karriere/bewerbung/{application.Id}";
        var token = TokenIn(await hr.GetStringAsync(detailUrl));
        var saved = await hr.PostAsync(detailUrl, Form(token, ("status", "Invited"), ("notizen", "Sehr gutes Telefonat, Termin am Dienstag.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Sehr gutes Telefonat", await hr.GetStringAsync(detailUrl));
        var reviewed = Assert.Single(await _app.ApplicationsAsync());
        Assert.Equal(ApplicationStatus.Invited, reviewed.Status);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == "application.file-download" && a.Subject == $"Bewerbung #{application.Id}");
        var update = Assert.Single(audit, a => a.Action == "application.update");
        Assert.Equal(("New", "Invited"), (update.Before, update.After));
        Assert.DoesNotContain(audit, a => (a.Before + a.After + a.Subject).Contains("Telefonat") || (a.Before + a.After + a.Subject).Contains("Erika"));
    }

    [Theory]
    [InlineData("", "erika@example.de", true, "Bitte geben Sie Ihren Namen ein.")]
    [InlineData("Erika Mustermann", "erika@", true, "vollständige E-Mail-Adresse")]
    [InlineData("Erika Mustermann", "erika@example.de", false, "Datenschutzhinweise")]
    public async Task Bad_input_gets_a_german_message_keeps_what_was_typed_and_asks_for_the_files_again(string name, string email, bool privacy, string message)
    {
        var posted = await _app.ApplyAsync(Advisor, Form(name: name, email: email, privacy: privacy, message: "Meine Nachricht <b>fett</b>"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(posted.Content.ReadAsStream()));
        var errors = page.QuerySelector(".form-errors[role=alert]")!.TextContent;
        Assert.Contains(message, errors);
        Assert.Contains("Dateien erneut aus", errors);
        Assert.Equal(name, page.QuerySelector("input[name=name]")!.GetAttribute("value") ?? "");
        Assert.Equal(email, page.QuerySelector("input[name=email]")!.GetAttribute("value"));
        Assert.Equal("+49 171 2345678", page.QuerySelector("input[name=telefon]")!.GetAttribute("value"));
        Assert.Equal("Meine Nachricht <b>fett</b>", page.QuerySelector("textarea[name=nachricht]")!.TextContent);
        Assert.Equal(privacy, page.QuerySelector("input[name=datenschutz]")!.HasAttribute("checked"));
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Empty(StoredFiles(_files));
    }

    [Fact]
    public async Task Without_a_cv_the_form_asks_for_one()
    {
        var form = Form(files: [new Upload("anlagen", "Zeugnis.pdf", Pdf())]);
        var posted = await _app.ApplyAsync(Advisor, form);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Bitte fügen Sie Ihren Lebenslauf als PDF bei.", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task More_than_two_further_attachments_are_refused()
    {
        var posted = await _app.ApplyAsync(Advisor, Form(files:
        [
            new Upload("lebenslauf", "cv.pdf", Pdf()), new Upload("anlagen", "a.pdf", Pdf()), new Upload("anlagen", "b.pdf", Pdf()), new Upload("anlagen", "c.pdf", Pdf()),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("höchstens 2 weitere Anlagen", await posted.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ApplicationsAsync());
    }

    [Fact]
    public async Task A_bot_that_fills_the_honeypot_is_thanked_and_nothing_is_kept()
    {
        var posted = await _app.ApplyAsync(Advisor, Form(website: "https://spam.example"));
        Assert.Equal("/karriere/danke", posted.Headers.Location?.OriginalString);
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Empty(StoredFiles(_files));
        // Mail goes out only through the outbox: with nothing queued, nothing can arrive later.
        Assert.Equal(0, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().OutboxMails.CountAsync()));
        Assert.Empty(_smtp.Received);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
