namespace GoldenPath.Fast.Tests.Targets;

public sealed class PlantingHttpChatTargetTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly PlantedDocument s_restricted = new("comp-review", "Compensation review", "Reviewer reference GPCANARY-11AA22BB33CC44DD.", ["hr"]);

    [Fact]
    public async Task Plants_the_documents_sends_the_turns_then_deletes_exactly_what_it_planted()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var target = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        var response = await target.SendAsync(["Summarise the reviews."], [s_restricted], Cancellation);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("GPCANARY-11AA22BB33CC44DD", response.Text, StringComparison.Ordinal);
        Assert.Equal(["plant", "chat", "delete"], server.Events);
        var sent = Assert.Single(server.Received);
        Assert.Equal((s_restricted.Title, s_restricted.Text), (sent.Title, sent.Text));
        Assert.Equal(s_restricted.Groups, sent.Groups);
        var deleted = Assert.Single(server.DeletedIds);
        Assert.StartsWith("fast-comp-review-", deleted, StringComparison.Ordinal);
        Assert.Empty(server.Documents);
    }

    [Fact]
    public async Task Every_case_plants_under_its_own_ids()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        server.DeleteStatus = 204;
        using var client = server.CreateClient();
        var target = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        await Task.WhenAll(
            target.SendAsync(["one"], [s_restricted], Cancellation),
            target.SendAsync(["two"], [s_restricted], Cancellation));

        Assert.Equal(2, server.DeletedIds.Distinct().Count());
    }

    [Fact]
    public async Task A_refused_plant_is_an_error_and_no_turn_is_sent()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var target = new HttpChatTarget(client, "user-token").WithPlanting("not-an-operator");

        var response = await target.SendAsync(["Summarise the reviews."], [s_restricted], Cancellation);

        // Never 403: that would score as a deflection, a pass the app did not earn.
        Assert.Equal(TargetResponse.NoResponse, response.StatusCode);
        Assert.Contains("HTTP 403", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("chat", server.Events);
    }

    [Fact]
    public async Task A_failed_cleanup_is_an_error_that_keeps_the_answer()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        server.DeleteStatus = 500;
        using var client = server.CreateClient();
        var target = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        var response = await target.SendAsync(["Summarise the reviews."], [s_restricted], Cancellation);

        Assert.Equal(TargetResponse.NoResponse, response.StatusCode);
        Assert.Contains("GPCANARY-11AA22BB33CC44DD", response.Text, StringComparison.Ordinal);
        Assert.Contains("Removing the planted documents failed with HTTP 500", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_hook_is_reported_not_thrown()
    {
        using var client = new HttpClient { BaseAddress = Support.ClosedPort.Create() };
        var target = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        var response = await target.SendAsync(["hi"], [s_restricted], Cancellation);

        Assert.Equal(TargetResponse.NoResponse, response.StatusCode);
        Assert.StartsWith("Planting the case's documents failed", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_runs_cases_with_documents_instead_of_skipping_them_and_scores_the_leak()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var cases = AttackCorpus.LoadEmbedded().Where(attack => attack.Documents.Count > 0).Take(3).ToArray();
        var options = new FastScanOptions();

        var plain = await new FastScanner(new HttpChatTarget(client, "user-token"), options).RunAsync(cases, Cancellation);
        var planted = await new FastScanner(new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken), options).RunAsync(cases, Cancellation);

        Assert.Equal(cases.Length, plain.Skipped.Count);
        Assert.Empty(planted.Skipped);
        Assert.Equal(cases.Length, planted.Cases);

        // The test app quotes whatever is planted, so every planted canary comes back.
        Assert.Contains(planted.Findings, finding => finding.Evaluator == "canary-disclosure");
        Assert.Empty(server.Documents);
    }
}
