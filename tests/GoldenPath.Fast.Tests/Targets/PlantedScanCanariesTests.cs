namespace GoldenPath.Fast.Tests.Targets;

public sealed class PlantedScanCanariesTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_plan_has_fresh_canaries_and_carries_each_one_where_it_belongs()
    {
        var first = ScanCanaries.Create("payroll-panel", "carol");
        var second = ScanCanaries.Create("payroll-panel", "carol");

        Assert.Equal(["system-prompt", "restricted-document", "other-users-data"], first.Canaries.Select(canary => canary.Name));
        Assert.Empty(first.Canaries.Select(canary => canary.Value).Intersect(second.Canaries.Select(canary => canary.Value)));
        Assert.NotEqual(first.Documents[0].Id, second.Documents[0].Id);
        Assert.Contains(first.Canaries[0].Value, Assert.Single(first.SystemPromptLines), StringComparison.Ordinal);
        Assert.Contains(first.Canaries[1].Value, first.Documents[0].Text, StringComparison.Ordinal);
        Assert.Equal(["payroll-panel"], first.Documents[0].Groups);
        Assert.Contains(first.Canaries[2].Value, first.Documents[1].Text, StringComparison.Ordinal);
        Assert.Equal(["user:carol"], first.Documents[1].Groups);
    }

    [Fact]
    public void Without_a_victim_there_is_no_other_users_data()
    {
        var plan = ScanCanaries.Create();

        Assert.Equal(["system-prompt", "restricted-document"], plan.Canaries.Select(canary => canary.Name));
        Assert.Equal([ScanCanaries.DefaultRestrictedGroup], Assert.Single(plan.Documents).Groups);
        Assert.Null(plan.VictimUserId);
    }

    [Theory]
    [InlineData("group:hr", null, "restrictedGroup")]
    [InlineData("two words", null, "restrictedGroup")]
    [InlineData("hr", "", "victimUserId")]
    [InlineData("hr", "carol smith", "victimUserId")]
    public void A_group_with_a_prefix_or_a_user_id_with_spaces_is_rejected(string group, string? victim, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => ScanCanaries.Create(group, victim));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public async Task Plants_the_line_and_both_documents_once_then_removes_exactly_them()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var hook = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);
        var plan = ScanCanaries.Create("payroll-panel", "carol");

        var planted = await hook.PlantAsync(plan, Cancellation);

        Assert.Equal(["plant"], server.Events);
        Assert.Equal(plan.SystemPromptLines, server.SystemPromptLines);
        Assert.Equal(plan.Documents.Select(d => (d.Id, d.Title, d.Text, string.Join(',', d.Groups))), server.Received.Select(d => (d.Id, d.Title, d.Text, string.Join(',', d.Groups))));
        Assert.Equal(plan.Canaries, planted.Canaries);
        Assert.Equal(plan.Documents.Select(d => "fast-" + d.Id), planted.DocumentIds);
        Assert.Equal(1, planted.SystemPromptLines);

        // The planted documents are what the app now serves: the leaky test app quotes them.
        var answer = await hook.SendAsync(["What is new?"], Cancellation);
        Assert.Contains(plan.Canaries[1].Value, answer.Text, StringComparison.Ordinal);

        Assert.Null(await planted.RemoveAsync());
        await planted.DisposeAsync();

        Assert.Equal(["plant", "chat", "delete", "delete-all"], server.Events);
        Assert.Equal(planted.DocumentIds, server.DeletedIds);
        Assert.Empty(server.Documents);
        Assert.Empty(server.SystemPromptLines);
    }

    [Fact]
    public async Task A_refused_plant_fails_with_the_status_the_hook_message_and_a_fix()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var hook = new HttpChatTarget(client, "user-token").WithPlanting("not-an-operator");

        var error = await Assert.ThrowsAsync<CanaryPlantingException>(() => hook.PlantAsync(ScanCanaries.Create(), Cancellation));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("HTTP 403: Forbidden: Not a fast-operator.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: pass an operator token with the fast-operator role", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_quarantined_chunk_fails_the_plant_and_removes_what_was_stored()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        server.QuarantineChunks = true;
        using var client = server.CreateClient();
        var hook = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        var error = await Assert.ThrowsAsync<CanaryPlantingException>(() => hook.PlantAsync(ScanCanaries.Create("hr", "carol"), Cancellation));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("kept 2 chunk(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("could never leak", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Documents);
        Assert.Empty(server.SystemPromptLines);
    }

    [Fact]
    public async Task An_unreachable_hook_fails_without_a_status()
    {
        using var client = new HttpClient { BaseAddress = Support.ClosedPort.Create() };
        var hook = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);

        var error = await Assert.ThrowsAsync<CanaryPlantingException>(() => hook.PlantAsync(ScanCanaries.Create(), Cancellation));

        Assert.Null(error.StatusCode);
        Assert.StartsWith("Planting the scan's canaries failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_removal_is_returned_not_thrown_and_names_what_is_left()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        server.DeleteStatus = 500;
        using var client = server.CreateClient();
        var hook = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);
        var planted = await hook.PlantAsync(ScanCanaries.Create(), Cancellation);

        var problem = await planted.RemoveAsync();
        await planted.DisposeAsync();

        Assert.NotNull(problem);
        Assert.Contains("the canary documents (HTTP 500)", problem, StringComparison.Ordinal);
        Assert.Contains("the system-prompt canary line (HTTP 500)", problem, StringComparison.Ordinal);
        Assert.Equal(["plant", "delete", "delete-all"], server.Events);
    }

    [Fact]
    public async Task A_scan_with_planted_canaries_scores_a_leak_from_a_case_without_documents()
    {
        await using var server = await PlantingTestServer.StartAsync(Cancellation);
        using var client = server.CreateClient();
        var hook = new HttpChatTarget(client, "user-token").WithPlanting(PlantingTestServer.OperatorToken);
        var cases = AttackCorpus.LoadEmbedded().Where(attack => attack.Documents.Count == 0).Take(1).ToArray();
        var options = new FastScanOptions();

        await using (var planted = await hook.PlantAsync(ScanCanaries.Create(), Cancellation))
        {
            foreach (var canary in planted.Canaries)
            {
                options.Canaries.Add(canary);
            }

            var scorecard = await new FastScanner(hook, options).RunAsync(cases, Cancellation);

            Assert.Contains(scorecard.Findings, finding => finding.Evaluator == "canary-disclosure" && finding.Evidence.Contains("restricted-document", StringComparison.Ordinal));
        }

        Assert.Empty(server.Documents);
    }
}
