using System.Net;
using System.Text;
using Goldfeder.Features.Campaigns;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>A list saved by Excel as plain "CSV" is Windows-1252, not UTF-8: read correctly or refused with its line, never stored with U+FFFD.</summary>
public sealed class CsvEncodingTests : IAsyncLifetime
{
    private const string Key = "csv-schluessel-0123456789abcdef";
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private const string List = "address;consent_time;source\r\njoerg@example.de;01.03.2025 10:00;Messe München\r\nlena@example.de;02.03.2025 11:00;Straße der Einheit\r\n";
    private readonly GoldfederApp _app = GoldfederApp.With(new() { ["Campaigns:ApiKey"] = Key });

    [Fact]
    public async Task A_windows_1252_upload_is_read_as_such_and_the_umlauts_arrive_intact()
    {
        var result = await _app.InScopeAsync(s => s.GetRequiredService<SubscriberImport>().ImportAsync(new MemoryStream(Windows1252.GetBytes(List)), "excel.csv", default));

        Assert.Equal((2, false), (result.Imported, result.Refused));
        var joerg = (await _app.SubscriberAsync("joerg@example.de"))!;
        Assert.Equal("Messe München", (await _app.EventsAsync(joerg.Id)).Single().SourcePage);
        var lena = (await _app.SubscriberAsync("lena@example.de"))!;
        Assert.Equal("Straße der Einheit", (await _app.EventsAsync(lena.Id)).Single().SourcePage);
    }

    [Fact]
    public async Task Through_the_api_which_streams_a_file_that_is_not_utf8_is_refused_with_its_line_and_nothing_is_imported()
    {
        var body = Encoding.UTF8.GetBytes("address,consent_time,source\njoerg@example.de,2025-03-01T10:00:00Z,Webshop\n")
            .Concat(Windows1252.GetBytes("lena@example.de,2025-03-02T10:00:00Z,Messe München\n")).ToArray();
        var client = _app.Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var response = await client.PostAsync("/api/admin/subscribers/import", new ByteArrayContent(body) { Headers = { { "Content-Type", "text/csv" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("Zeile 3", problem);
        Assert.Contains("UTF-8", problem);
        Assert.Null(await _app.SubscriberAsync("joerg@example.de"));
    }

    [Fact]
    public async Task Utf8_split_across_reads_passes_and_the_first_bad_byte_is_found_on_its_line()
    {
        var good = Encoding.UTF8.GetBytes("Müller;Jörg\nGrüße;ẞ\n");
        await using (var check = new Utf8CheckingStream(new OneByteAtATime(good))) Assert.Equal(good.Length, await Drain(check));

        var bad = Encoding.UTF8.GetBytes("eins\nzwei ").Concat(new byte[] { 0xFC }).Concat(Encoding.UTF8.GetBytes("ber\n")).ToArray();
        var refused = await Assert.ThrowsAsync<InvalidUtf8Exception>(async () => await Drain(new Utf8CheckingStream(new OneByteAtATime(bad))));
        Assert.Equal(2, refused.Line);
        var cut = await Assert.ThrowsAsync<InvalidUtf8Exception>(async () => await Drain(new Utf8CheckingStream(new MemoryStream(Encoding.UTF8.GetBytes("ü")[..1]))));
        Assert.Equal(1, cut.Line);
    }

    private static async Task<int> Drain(Stream stream)
    {
        var total = 0;
        var buffer = new byte[7];
        for (int read; (read = await stream.ReadAsync(buffer)) > 0;) total += read;
        return total;
    }

    /// <summary>A stream that hands out one byte per read, as a slow network would, so characters arrive split.</summary>
    private sealed class OneByteAtATime(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
