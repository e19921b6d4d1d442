using GoldenPath.AspNetCore.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .Validate(o => o.MaxMessageTokens > 0, $"{RequestLimitsOptions.SectionName}:MaxMessageTokens must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<TokenBudgetOptions>()
            .BindConfiguration(TokenBudgetOptions.SectionName)
            .Validate(o => o.TokensPerWindow > 0 && o.Window > TimeSpan.Zero, $"{TokenBudgetOptions.SectionName}:TokensPerWindow and Window must be positive.")
            .ValidateOnStart();

        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => TokenCounter.ForModel(services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.TokenizerModel));
        builder.Services.AddSingleton<ChatMessageLimits>();
        builder.Services.AddSingleton<TokenBudget>();
        builder.Services.AddExceptionHandler<TokenBudgetExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Rejects a declared oversize body at once and caps undeclared (chunked) bodies while they are read,
    /// so no endpoint ever buffers more than the limit. Works the same on Kestrel and in-memory test servers.
    /// </summary>
    /// <summary>Charges model calls made for a request to the caller's token budget; see <see cref="TokenBudgetChatClient"/>.</summary>
    public static ChatClientBuilder UseGoldenPathTokenBudget(this ChatClientBuilder builder) =>
        builder.Use((inner, services) => new TokenBudgetChatClient(
            inner,
            services.GetRequiredService<TokenBudget>(),
            services.GetRequiredService<TokenCounter>(),
            services.GetRequiredService<IHttpContextAccessor>(),
            services.GetRequiredService<IOptions<PrincipalClaimOptions>>().Value));

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
