using System.Text.Json;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Browser;

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven by Playwright for .NET. tests/run.sh installs it and axe-core
/// and names both in GOLDFEDER_CHROMIUM and GOLDFEDER_AXE; without them these tests fail, they are not skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("GOLDFEDER_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"Chromium not found at {chromium}; tests/run.sh installs Debian's package.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (cookies of its own). CSP is bypassed only where axe's script must be injected.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, bool forAxe = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, BypassCSP = forAxe, Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 900 } });

    /// <summary>axe-core's serious and critical violations on the current page, as readable lines.</summary>
    public static async Task<List<string>> SeriousAccessibilityProblemsAsync(IPage page)
    {
        var axe = Environment.GetEnvironmentVariable("GOLDFEDER_AXE")
            ?? throw new InvalidOperationException("GOLDFEDER_AXE is not set; tests/run.sh installs axe-core and sets it.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
            """);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
