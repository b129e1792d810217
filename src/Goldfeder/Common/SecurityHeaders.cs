namespace Goldfeder.Common;

/// <summary>Headers every response carries: no framing, no sniffing, no referrer leaks, and a CSP that allows only our own scripts and styles.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string MailPreviewCsp =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    private static readonly object MailPreviewKey = new();

    /// <summary>
    /// For a mail shown as the recipient will see it, in a frame of our own admin page: mails carry inline styles, so
    /// this response allows them, and nothing else (no script, no form, framed only by us).
    /// </summary>
    public static void AllowMailPreview(HttpContext context) => context.Items[MailPreviewKey] = true;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var preview = context.Items.ContainsKey(MailPreviewKey);
            headers.ContentSecurityPolicy = preview ? MailPreviewCsp : Csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
            if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
