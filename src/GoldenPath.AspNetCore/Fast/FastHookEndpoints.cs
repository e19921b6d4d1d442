using GoldenPath.AspNetCore.Limits;
using GoldenPath.AspNetCore.Web;
using GoldenPath.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GoldenPath.AspNetCore.Fast;

/// <summary><c>POST /fast/plant</c> plants canaries; <c>DELETE /fast/plant</c> removes them.</summary>
internal static partial class FastHookEndpoints
{
    /// <summary>A plant is a handful of short documents; anything bigger is a mistake or abuse.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public const string LoggerCategory = "GoldenPath.AspNetCore.Fast.FastHookEndpoints";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/plant", PlantAsync).WithName("FastPlant");
        group.MapDelete("/plant", RemoveAsync).WithName("FastRemovePlanted");
    }

    private static async Task<IResult> PlantAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Plant too large",
                detail: $"The body is {request.ContentLength} bytes; a plant is limited to {MaxBodyBytes} bytes. Split it into several plants.");
        }

        request.Body = new LengthLimitedStream(request.Body, MaxBodyBytes);
        var services = context.RequestServices;
        var json = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var body = await JsonRequestReader.ReadAsync<PlantRequest>(request, json, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var options = services.GetRequiredService<IOptions<FastHookOptions>>().Value;
        if (PlantPlan.TryCreate(body.Value!, options, out var errors) is not { } plan)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid plant", detail: "Fix the fields listed in 'errors' and send the plant again.");
        }

        var store = services.GetService<IKnowledgeStore>();
        if (plan.Documents.Count > 0 && store is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["documents"] = ["This app has no knowledge store to plant documents in; call builder.AddGoldenPathRetrieval() or plant systemPrompt lines only."] },
                title: "Invalid plant");
        }

        var canaries = services.GetRequiredService<PlantedCanaries>();
        var quarantined = new List<string>();
        foreach (var document in plan.Documents)
        {
            if (store is KnowledgeIndex index)
            {
                // The ingestion screen may keep chunks out of the index; the scan must know, or an unindexed canary
                // would look like access control working.
                var ingestion = await index.UpsertWithResultAsync(document, cancellationToken);
                quarantined.AddRange(ingestion.Quarantined.Select(chunk => chunk.ToString()));
            }
            else
            {
                await store!.UpsertAsync(document, cancellationToken);
            }

            // Recorded one by one, so a failure half-way still leaves every stored document removable.
            canaries.Plant([], [document.Id]);
        }

        canaries.Plant(plan.SystemPromptLines, []);
        LogPlanted(Logger(services), plan.SystemPromptLines.Count, plan.Documents.Count, quarantined.Count);
        return TypedResults.Ok(new PlantResponse(canaries.SystemPromptLines.Count, [.. plan.Documents.Select(document => document.Id)]) { Quarantined = quarantined });
    }

    /// <summary>
    /// Without <c>id</c> parameters removes everything planted; with them (<c>?id=fast-a&amp;id=fast-b</c>) removes only those
    /// planted documents, so scans running cases in parallel clean up after themselves without touching each other.
    /// </summary>
    private static async Task<IResult> RemoveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var canaries = services.GetRequiredService<PlantedCanaries>();
        var requested = context.Request.Query["id"].Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToArray();

        var lines = 0;
        IReadOnlyList<string> documents;
        if (requested.Length == 0)
        {
            lines = canaries.SystemPromptLines.Count;
            documents = canaries.Clear();
        }
        else
        {
            // Only ids this hook planted: the hook can never delete a real document.
            documents = canaries.Forget(requested);
        }

        if (documents.Count > 0 && services.GetService<IKnowledgeStore>() is { } store)
        {
            foreach (var id in documents)
            {
                await store.RemoveAsync(id, cancellationToken);
            }
        }

        LogRemoved(Logger(services), lines, documents.Count);
        return TypedResults.Ok(new PlantResponse(lines, documents));
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

    // Counts only: planted text is canaries, and canaries in logs would make every log reader a leak.
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "FAST hook planted {Lines} system-prompt lines and {Documents} documents ({Quarantined} chunks quarantined by the ingestion screen)")]
    private static partial void LogPlanted(ILogger logger, int lines, int documents, int quarantined);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "FAST hook removed {Lines} system-prompt lines and {Documents} documents")]
    private static partial void LogRemoved(ILogger logger, int lines, int documents);
}
