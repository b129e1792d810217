using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

/// <summary>On real Kestrel, so that the request size limit is the server's, as in production.</summary>
public sealed class HostileUploadTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;
    private readonly string _files;

    public HostileUploadTests()
    {
        var (settings, folder) = CareersFixtures.Settings(_smtp.Settings());
        _files = folder;
        _app = GoldfederApp.With(settings).OnKestrel();
    }

    public static TheoryData<string, byte[]> Executables => new()
    {
        // A Windows executable, even one that ends like a PDF: the start decides.
        { "MZ", [.. "MZ\u0090\0\u0003\0\0\0"u8.ToArray(), .. new byte[200], .. "\n%%EOF\n"u8.ToArray()] },
        { "ELF", [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[300]] },
        { "shell script", "#!/bin/sh\nrm -rf /\n"u8.ToArray() },
        { "HTML", "<html><script>alert(1)</script></html>"u8.ToArray() },
        { "PDF header without end", "%PDF-1.7\n1 0 obj\n"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Executables))]
    public async Task Executable_renamed_pdf_is_refused_with_a_german_message(string kind, byte[] content)
    {
        var posted = await _app.ApplyAsync(Advisor, Form(files: new Upload("lebenslauf", "lebenslauf.pdf", content)));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Die Datei „lebenslauf.pdf“ ist kein PDF", await posted.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Empty(StoredFiles(_files));
        Assert.NotNull(kind);
    }

    [Fact]
    public async Task Zip_bomb_renamed_pdf_is_refused_without_being_unpacked()
    {
        // 200 MB of zeros deflate to a few hundred kilobytes; unpacked, they would fill memory or disk.
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("bombe.txt", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++) entry.Write(zeros);
        }
        Assert.True(zip.Length < 2 * 1024 * 1024);

        var posted = await _app.ApplyAsync(Advisor, Form(files:
        [
            new Upload("lebenslauf", "lebenslauf.pdf", Pdf()),
            new Upload("anlagen", "zeugnisse.pdf", zip.ToArray()),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Die Datei „zeugnisse.pdf“ ist kein PDF", await posted.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Empty(StoredFiles(_files));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_50_MB_upload_is_refused_with_a_german_message_and_nothing_of_it_is_kept(bool expectContinue)
    {
        var huge = new byte[50 * 1024 * 1024];
        Pdf().CopyTo(huge, 0);
        // A browser sends the whole body and must still get the page; a client that asks first (Expect: 100-continue) is
        // refused before it sends. The client waits a minute for "100 Continue" (not its default second), so a body
        // on the wire means the server asked for it, not that the machine was slow.
        var body = new CountingContent(Form(files: new Upload("lebenslauf", "riesig.pdf", huge)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/karriere/{Advisor}") { Content = body };
        request.Headers.ExpectContinue = expectContinue;
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync("/karriere")).StatusCode);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        { BaseAddress = _app.Browser().BaseAddress };
        var posted = await browser.SendAsync(request);
        if (expectContinue) Assert.True(body.Written == 0, $"{body.Written} bytes of the body were sent");
        else Assert.True(body.Written > huge.Length, $"only {body.Written} bytes of the body were sent");

        Assert.True(HttpStatusCode.RequestEntityTooLarge == posted.StatusCode, $"{posted.StatusCode}: {System.Text.RegularExpressions.Regex.Match(await posted.Content.ReadAsStringAsync(), "<main.*", System.Text.RegularExpressions.RegexOptions.Singleline).Value}");
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("Ihre Bewerbung ist zu groß", html);
        Assert.Contains("höchstens 20 MB", html);
        Assert.Contains("Dateien erneut aus", html);
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Empty(StoredFiles(_files));
    }

    [Fact]
    public async Task A_file_over_10_MB_within_the_total_is_refused_by_name()
    {
        var big = new byte[11 * 1024 * 1024];
        Pdf().CopyTo(big, 0);
        "%%EOF\n"u8.CopyTo(big.AsSpan(big.Length - 6));
        var posted = await _app.ApplyAsync(Advisor, Form(files: new Upload("lebenslauf", "gross.pdf", big)));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Die Datei „gross.pdf“ ist größer als 10 MB", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Path_separators_and_control_characters_in_a_file_name_become_a_safe_name()
    {
        // Written by hand: HttpClient would refuse to put control characters into a header, a hostile client does not.
        const string boundary = "grenze-1234";
        var hostileName = "..\\..\\windows/system32/\u0001\u001b[2Jlebens\u007flauf\u202Efdp.exe.pdf";
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        foreach (var (field, value) in new[] { ("name", "Erika Mustermann"), ("email", "pfad@example.de"), ("datenschutz", "ja") })
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n");
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"lebenslauf\"; filename=\"{hostileName}\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.Write(Pdf());
        Text($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        var posted = await _app.Browser().PostAsync($"/karriere/{Advisor}", content);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var file = Assert.Single(Assert.Single(await _app.ApplicationsAsync()).Files);
        Assert.EndsWith(".pdf", file.OriginalName);
        Assert.Contains("lebenslauf", file.OriginalName);
        Assert.DoesNotContain('/', file.OriginalName);
        Assert.DoesNotContain('\\', file.OriginalName);
        Assert.DoesNotContain("..", file.OriginalName);
        Assert.False(file.OriginalName.Any(c => char.IsControl(c) || c == '\u202E'), file.OriginalName);
        Assert.Matches("^[0-9a-f]{32}$", file.StoredName);
        Assert.Equal(Path.Combine(_files, file.StoredName), Assert.Single(StoredFiles(_files)));

        var hr = await HrOnKestrelAsync();
        var download = await hr.GetAsync($"/admin/karriere/anhang/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(file.OriginalName, disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Twelve_parallel_applications_are_all_stored_each_with_its_own_file_and_mail()
    {
        var posts = Enumerable.Range(1, 12).Select(i => _app.ApplyAsync(Advisor, Form(
            name: $"Bewerber {i}", email: $"bewerber{i}@example.de",
            files: new Upload("lebenslauf", $"cv-{i}.pdf", Pdf($"Lebenslauf {i}")))));
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var applications = await _app.ApplicationsAsync();
        Assert.Equal(12, applications.Count);
        Assert.Equal(12, applications.Select(a => a.Email).Distinct().Count());
        Assert.All(applications, a => Assert.Equal($"cv-{a.Name["Bewerber ".Length..]}.pdf", Assert.Single(a.Files).OriginalName));
        Assert.Equal(12, StoredFiles(_files).Length);
        foreach (var a in applications)
        {
            var stored = await File.ReadAllTextAsync(Path.Combine(_files, a.Files[0].StoredName));
            Assert.Contains($"Lebenslauf {a.Name["Bewerber ".Length..]}\n", stored);
        }
        for (var i = 1; i <= 12; i++) Assert.Single(await _smtp.WaitForAsync($"bewerber{i}@example.de"));
    }

    /// <summary>AdminFixtures' browsers talk to TestServer; this one logs in over Kestrel.</summary>
    private async Task<HttpClient> HrOnKestrelAsync()
    {
        var email = $"hr-{Guid.NewGuid():N}@example.de";
        Assert.Equal(0, (await _app.CreateAccountAsync(email, "HR", "Pruef-Konto-Schluessel-2026")).Code);
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _app.Browser().BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(client, email, "Pruef-Konto-Schluessel-2026")).StatusCode);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}
