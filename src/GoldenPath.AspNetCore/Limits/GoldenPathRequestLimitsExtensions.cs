using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Limits;

public static class GoldenPathRequestLimitsExtensions
{
    public static TBuilder AddGoldenPathRequestLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(o => o.MaxRequestBodyBytes is > 0 and <= 16 * 1024 * 1024, $"{RequestLimitsOptions.SectionName}:MaxRequestBodyBytes must be between 1 and 16777216.")
            .Validate(o => o.MaxMessageCharacters > 0, $"{RequestLimitsOptions.SectionName}:MaxMessageCharacters must be positive.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Rejects a declared oversize body at once and caps undeclared (chunked) bodies while they are read,
    /// so no endpoint ever buffers more than the limit. Works the same on Kestrel and in-memory test servers.
    /// </summary>
    public static WebApplication UseGoldenPathRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request body too large",
                    detail: $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes ({RequestLimitsOptions.SectionName}:MaxRequestBodyBytes).")
                    .ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            {
                sizeFeature.MaxRequestBodySize = limit;
            }

            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
            await next(context);
        });
        return app;
    }
}
