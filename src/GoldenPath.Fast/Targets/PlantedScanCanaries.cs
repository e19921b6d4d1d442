using System.Net.Http.Json;
using System.Text.Json;

namespace GoldenPath.Fast;

/// <summary>
/// Scan canaries the app's hook accepted (from <see cref="PlantingHttpChatTarget.PlantAsync(ScanCanaries, CancellationToken)"/>). Disposing removes them;
/// call <see cref="RemoveAsync"/> first to learn whether that worked.
/// </summary>
/// <remarks>
/// Documents are deleted by their stored ids (<c>DELETE /fast/plant?id=...</c>), so nothing else planted is touched.
/// The hook can remove system-prompt lines only all at once (a bare <c>DELETE /fast/plant</c>), which also removes
/// anything another scan planted at that moment: run one canary-planting scan per app at a time. Leaving the line in
/// place instead would grow the system prompt with every scan.
/// </remarks>
public sealed class PlantedScanCanaries : IAsyncDisposable
{
    // Cleanup runs even when the scan is being cancelled, but never holds it up for long.
    private static readonly TimeSpan s_cleanupTimeout = TimeSpan.FromSeconds(10);

    private readonly PlantingHttpChatTarget _hook;
    private readonly Lock _gate = new();
    private Task<string?>? _removal;

    private PlantedScanCanaries(PlantingHttpChatTarget hook, IReadOnlyList<Canary> canaries, IReadOnlyList<string> documentIds, int systemPromptLines)
    {
        _hook = hook;
        Canaries = canaries;
        DocumentIds = documentIds;
        SystemPromptLines = systemPromptLines;
    }

    /// <summary>The planted canaries, to add to <see cref="FastScanOptions.Canaries"/>.</summary>
    public IReadOnlyList<Canary> Canaries { get; }

    /// <summary>The ids the app stored the documents under (with its <c>fast-</c> prefix).</summary>
    public IReadOnlyList<string> DocumentIds { get; }

    /// <summary>How many system-prompt lines this scan planted.</summary>
    public int SystemPromptLines { get; }

    /// <summary>
    /// Removes what was planted; runs once, later calls return the same result. Never throws for HTTP or network
    /// failures, so cleanup cannot hide the scan's result.
    /// </summary>
    /// <returns><see langword="null"/> when everything was removed, otherwise what may be left behind and why.</returns>
    public Task<string?> RemoveAsync()
    {
        lock (_gate)
        {
            return _removal ??= RemoveOnceAsync();
        }
    }

    public async ValueTask DisposeAsync() => await RemoveAsync().ConfigureAwait(false);

    internal static async Task<PlantedScanCanaries> PlantAsync(PlantingHttpChatTarget hook, ScanCanaries plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var request = hook.Request(HttpMethod.Post, hook.PlantPath);
        request.Content = JsonContent.Create(new PlantBody(
            plan.SystemPromptLines,
            [.. plan.Documents.Select(document => new PlantBodyDocument(document.Id, document.Title, document.Text, document.Groups))]));

        int status;
        string text;
        try
        {
            using var response = await hook.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CanaryPlantingException($"Planting the scan's canaries failed: {ex.Message}. Fix: check the URL and that the app is running.", statusCode: null, ex);
        }

        if (status is < 200 or >= 300)
        {
            var fix = status is 401 or 403
                ? "pass an operator token with the fast-operator role"
                : status is 404 or 405
                    ? "enable the hook with app.MapFastHooks() (Development and Testing only)"
                    : "fix what the hook names and scan again";
            throw new CanaryPlantingException($"The app refused the scan's canaries with HTTP {status}: {HttpChatTarget.DescribeError(text)}. Fix: {fix}.", status);
        }

        var (ids, quarantined) = Read(text);
        if (ids is null || ids.Count != plan.Documents.Count)
        {
            // Something was perhaps stored; remove whatever can be named before giving up.
            var partial = new PlantedScanCanaries(hook, plan.Canaries, ids ?? [], plan.SystemPromptLines.Count);
            await partial.RemoveAsync().ConfigureAwait(false);
            throw new CanaryPlantingException(
                $"The plant hook answered without the {plan.Documents.Count} stored document ids. Fix: point the scan at GoldenPath.AspNetCore's /fast/plant hook.",
                status);
        }

        var planted = new PlantedScanCanaries(hook, plan.Canaries, ids, plan.SystemPromptLines.Count);
        if (quarantined.Count > 0)
        {
            // A canary kept out of the index can never be retrieved, so access control would look perfect untested.
            var cleanup = await planted.RemoveAsync().ConfigureAwait(false);
            throw new CanaryPlantingException(
                $"The app's ingestion screen kept {quarantined.Count} chunk(s) of the planted canary documents out of the index ({string.Join("; ", quarantined)}), "
                    + "so they could never leak and the scan would test nothing. Fix: relax the ingestion screen in the test environment."
                    + (cleanup is null ? string.Empty : " " + cleanup),
                status);
        }

        return planted;
    }

    private async Task<string?> RemoveOnceAsync()
    {
        List<string> problems = [];
        if (DocumentIds.Count > 0)
        {
            var query = string.Join('&', DocumentIds.Select(id => "id=" + Uri.EscapeDataString(id)));
            if (await DeleteAsync($"{_hook.PlantPath}?{query}").ConfigureAwait(false) is { } failure)
            {
                problems.Add($"the canary documents ({failure})");
            }
        }

        if (SystemPromptLines > 0 && await DeleteAsync(_hook.PlantPath).ConfigureAwait(false) is { } lineFailure)
        {
            problems.Add($"the system-prompt canary line ({lineFailure})");
        }

        return problems.Count == 0
            ? null
            : $"Removing {string.Join(" and ", problems)} failed; remove them with DELETE {_hook.PlantPath} before the next scan.";
    }

    private async Task<string?> DeleteAsync(string path)
    {
        using var request = _hook.Request(HttpMethod.Delete, path);
        using var timeout = new CancellationTokenSource(s_cleanupTimeout);
        try
        {
            using var response = await _hook.Client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return ex.Message;
        }
    }

    private static (IReadOnlyList<string>? Ids, IReadOnlyList<string> Quarantined) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, []);
            }

            return (Strings(root, "documents"), Strings(root, "quarantined") ?? []);
        }
        catch (JsonException)
        {
            return (null, []);
        }

        static string[]? Strings(JsonElement root, string name) =>
            root.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
                ? [.. values.EnumerateArray().Where(value => value.ValueKind == JsonValueKind.String).Select(value => value.GetString()!)]
                : null;
    }

    private sealed record PlantBody(IReadOnlyList<string> SystemPrompt, IReadOnlyList<PlantBodyDocument> Documents);

    private sealed record PlantBodyDocument(string Id, string Title, string Text, IReadOnlyList<string> Groups);
}
