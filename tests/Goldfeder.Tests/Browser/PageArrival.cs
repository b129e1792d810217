using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Browser;

public static class PageArrival
{
    /// <summary>
    /// Waits until the page's address matches the glob (<c>**</c> any text, <c>*</c> any text without a slash), by
    /// polling the address only. Playwright's <c>WaitForURLAsync</c> waits for the load event when the address already
    /// matches, whatever <c>WaitUntil</c> says, and its client now and then missed the load event of a page that had
    /// arrived after a POST and its redirect, and waited out its 30 s (CI, 2026-11-30). What follows waits for the
    /// elements it needs anyway.
    /// </summary>
    public static Task ArrivedAsync(this IPage page, string glob) =>
        Assertions.Expect(page).ToHaveURLAsync(Pattern(glob), new() { Timeout = 30_000 });

    public static Regex Pattern(string glob) =>
        new("^" + string.Join(".*", glob.Split("**").Select(part => string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))) + "$");
}
