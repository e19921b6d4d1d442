using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldenPath.AspNetCore.Web;

public static class GoldenPathProblemDetailsExtensions
{
    /// <summary>Every error is RFC 9457 problem details; exception details appear only in Development.</summary>
    public static TBuilder AddGoldenPathProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException badRequest)
            {
                // Framework-raised client errors (oversized or unreadable bodies) keep their 4xx status and say why.
                context.ProblemDetails.Status = badRequest.StatusCode;
                context.HttpContext.Response.StatusCode = badRequest.StatusCode;
                context.ProblemDetails.Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
                context.ProblemDetails.Detail = badRequest.Message;
            }
            else if (!isDevelopment && context.ProblemDetails.Status >= StatusCodes.Status500InternalServerError)
            {
                // Server errors say nothing about internals; client errors keep the detail that tells the caller what to fix.
                context.ProblemDetails.Detail = null;
                context.ProblemDetails.Extensions.Remove("exception");
            }

            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        return builder;
    }

    public static WebApplication UseGoldenPathProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
