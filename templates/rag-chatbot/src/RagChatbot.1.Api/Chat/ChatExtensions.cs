using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagChatbot._1.Api.Chat;

public static class ChatExtensions
{
    public static TBuilder AddChat<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<ChatTurn>();
        // Verdicts read as "block" or "redact", not as numbers.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }
}
