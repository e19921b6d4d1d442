using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.AspNetCore.Web;

/// <summary>
/// Reads a JSON request body and turns every client mistake into a 4xx problem that says what to fix.
/// Endpoints read bodies through this instead of parameter binding, whose failures are terse and vary by environment.
/// </summary>
public static class JsonRequestReader
{
    public static async Task<JsonRequest<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON with 'Content-Type: application/json'.");
        }

        try
        {
            var value = await request.ReadFromJsonAsync<T>(options, cancellationToken);
            return value is null
                ? Fail<T>(StatusCodes.Status400BadRequest, "Malformed request", "The body is JSON null; send an object.")
                : new JsonRequest<T>(value, null);
        }
        catch (JsonException exception)
        {
            // Line and byte position point the caller at the mistake; the body itself is never echoed back.
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {exception.BytePositionInLine + 1}" : string.Empty;
            return Fail<T>(StatusCodes.Status400BadRequest, "Malformed JSON", $"The request body is not valid JSON for this endpoint{where}.");
        }
    }

    private static JsonRequest<T> Fail<T>(int status, string title, string detail) where T : class =>
        new(null, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}

/// <summary>Either the parsed body or the problem to return.</summary>
public sealed record JsonRequest<T>(T? Value, IResult? Problem) where T : class;
