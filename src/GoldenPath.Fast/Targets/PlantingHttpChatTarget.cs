using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GoldenPath.Fast;

/// <summary>
/// An <see cref="HttpChatTarget"/> that plants each case's documents through the app's test-only hook
/// (<c>POST /fast/plant</c>), sends the turns as the scanning user, then deletes exactly what it planted.
/// </summary>
/// <remarks>
/// Document ids get a per-case suffix, so cases running in parallel never replace each other's documents, and the
/// delete names the stored ids, so it never removes another case's. A failed plant or cleanup is reported as a response
/// without a status (an errored case, never a deflection); the answer is kept, so a leak is still scored.
/// </remarks>
public sealed class PlantingHttpChatTarget : IDocumentTarget
{
    /// <summary>Where the GoldenPath.AspNetCore hook listens.</summary>
    public const string DefaultPlantPath = "/fast/plant";

    // Cleanup runs even when the scan is being cancelled, but never holds it up for long.
    private static readonly TimeSpan s_cleanupTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpChatTarget _chat;
    private readonly HttpClient _client;
    private readonly string _operatorToken;
    private readonly string _plantPath;

    internal PlantingHttpChatTarget(HttpChatTarget chat, HttpClient client, string operatorToken, string plantPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(plantPath);
        _chat = chat;
        _client = client;
        _operatorToken = operatorToken;
        _plantPath = plantPath;
    }

    internal HttpClient Client => _client;

    internal string PlantPath => _plantPath;

    /// <summary>
    /// Plants a scan's canaries once, before the cases run, so any case (not only those with documents) can reveal a
    /// disclosure. Dispose the result, or call <see cref="PlantedScanCanaries.RemoveAsync"/>, when the scan ends.
    /// </summary>
    /// <exception cref="CanaryPlantingException">
    /// The hook refused the plant, kept chunks out of the index, or could not be reached; nothing is left planted.
    /// </exception>
    public Task<PlantedScanCanaries> PlantAsync(ScanCanaries canaries, CancellationToken cancellationToken) =>
        PlantedScanCanaries.PlantAsync(this, canaries, cancellationToken);

    public Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, CancellationToken cancellationToken) =>
        _chat.SendAsync(turns, cancellationToken);

    public async Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, IReadOnlyList<PlantedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return await _chat.SendAsync(turns, cancellationToken).ConfigureAwait(false);
        }

        var stopwatch = Stopwatch.StartNew();
        var planted = await PlantAsync(documents, cancellationToken).ConfigureAwait(false);
        if (planted.Failure is { } failure)
        {
            return new TargetResponse(TargetResponse.NoResponse, failure, stopwatch.Elapsed);
        }

        TargetResponse answer;
        try
        {
            answer = await _chat.SendAsync(turns, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            planted = planted with { Failure = await RemoveAsync(planted.Ids).ConfigureAwait(false) };
        }

        return planted.Failure is { } cleanup
            ? new TargetResponse(TargetResponse.NoResponse, $"{answer.Text}\n\n{cleanup}", stopwatch.Elapsed)
            : answer with { Latency = stopwatch.Elapsed };
    }

    private async Task<Planted> PlantAsync(IReadOnlyList<PlantedDocument> documents, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var body = new PlantBody([.. documents.Select(document => new PlantBodyDocument(
            string.Create(CultureInfo.InvariantCulture, $"{document.Id.ToLowerInvariant()}-{suffix}"),
            document.Title,
            document.Text,
            document.Groups))]);

        using var request = Request(HttpMethod.Post, _plantPath);
        request.Content = JsonContent.Create(body);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new Planted([], $"Planting the case's documents failed with HTTP {(int)response.StatusCode}: {HttpChatTarget.DescribeError(text)}");
            }

            return ReadStoredIds(text) is { } ids
                ? new Planted(ids, null)
                : new Planted([], "Planting the case's documents returned no 'documents' list; is the plant path the GoldenPath hook?");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Planted([], $"Planting the case's documents failed: {ex.Message}");
        }
    }

    private async Task<string?> RemoveAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var query = string.Join('&', ids.Select(id => "id=" + Uri.EscapeDataString(id)));
        using var request = Request(HttpMethod.Delete, $"{_plantPath}?{query}");
        using var timeout = new CancellationTokenSource(s_cleanupTimeout);
        try
        {
            using var response = await _client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? null
                : $"Removing the planted documents failed with HTTP {(int)response.StatusCode}; later cases may see them.";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return $"Removing the planted documents failed ({ex.Message}); later cases may see them.";
        }
    }

    internal HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorToken);
        return request;
    }

    private static string[]? ReadStoredIds(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("documents", out var ids)
                && ids.ValueKind == JsonValueKind.Array
                ? [.. ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Planted(IReadOnlyList<string> Ids, string? Failure);

    private sealed record PlantBody(IReadOnlyList<PlantBodyDocument> Documents);

    private sealed record PlantBodyDocument(string Id, string Title, string Text, IReadOnlyList<string> Groups);
}
