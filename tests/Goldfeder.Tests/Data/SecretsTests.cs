using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Data;

public sealed class SecretsTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    private Task<byte[]> StoredAsync(string name) =>
        _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Secrets.AsNoTracking().Where(x => x.Name == name).Select(x => x.Value).SingleAsync());

    [Fact]
    public async Task A_secret_is_stored_encrypted_and_read_back_the_same()
    {
        var secret = await _app.Services.GetRequiredService<Secrets>().GetAsync("test-hmac");

        var stored = await StoredAsync("test-hmac");
        Assert.Equal(32, secret.Length);
        Assert.NotEqual(32, stored.Length);
        Assert.False(stored.AsSpan().IndexOf(secret) >= 0, "the key is in the row in clear");
    }

    [Fact]
    public async Task A_secret_stored_in_clear_by_an_older_version_keeps_its_value_and_is_encrypted()
    {
        var clear = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            db.Secrets.Add(new Secret { Name = "alt", Value = clear });
            await db.SaveChangesAsync();
        });

        var secret = await _app.Services.GetRequiredService<Secrets>().GetAsync("alt");

        Assert.Equal(clear, secret);
        Assert.NotEqual(32, (await StoredAsync("alt")).Length);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();
}
