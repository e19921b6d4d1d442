using Microsoft.AspNetCore.Builder;

namespace GoldenPath.AspNetCore.Web;

public static class GoldenPathSecurityHeadersExtensions
{
    /// <summary>
    /// An API answers JSON, never pages: the CSP forbids everything, including being framed, and no referrer leaks.
    /// Set before the endpoint runs so error responses carry them too.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseGoldenPathSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
            return next(context);
        });
        return app;
    }
}
