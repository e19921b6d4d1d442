namespace GoldenPath.Guardrails.Tests.Versioning;

public sealed class PolicyHotReloadTests
{
    [Fact]
    public void A_changed_policy_file_is_activated_without_a_restart()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.StrictSecrets("2026.12.02.1"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });
        Assert.Equal(RailAction.Redact, store.Current.EvaluateInput(TestPolicies.Email).Action);

        File.WriteAllText(path, TestPolicies.WithoutPii("2026.12.02.2"));
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Activated, result.Status);
        Assert.Equal("2026.12.02.2", store.Active.Id);
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);
        var activation = store.History[^1];
        Assert.Equal(GuardrailPolicyStore.ReloadActor, activation.Actor);
        Assert.Equal("2026.12.02.1", activation.PreviousVersionId);

        // The previous version is one rollback away, as for any activation.
        store.Rollback("oncall", "new file misbehaves");
        Assert.Equal("2026.12.02.1", store.Active.Id);
    }

    [Fact]
    public void A_broken_file_is_rejected_with_its_line_and_the_last_known_good_stays_active()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.WithoutPii("2026.12.02.3"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });

        File.WriteAllText(path, """
            {
              "version": "2026.12.02.4",
              "rails": {
                "pii": { "enabled": "sometimes" }
              }
            }
            """);
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Source);
        Assert.Equal(4, error.Line);
        Assert.Contains("\"enabled\"", error.Message, StringComparison.Ordinal);
        Assert.Same(result, store.LastRejectedReload);
        Assert.Equal("2026.12.02.3", store.Active.Id);
        Assert.DoesNotContain(store.Versions, v => v.Id == "2026.12.02.4");
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);

        // Fixing the file recovers without a restart and clears the rejection.
        File.WriteAllText(path, TestPolicies.StrictSecrets("2026.12.02.4"));
        Assert.Equal(PolicyReloadStatus.Activated, store.Reload().Status);
        Assert.Null(store.LastRejectedReload);
        Assert.Equal("2026.12.02.4", store.Active.Id);
    }

    [Fact]
    public void A_half_written_file_is_rejected_not_half_applied()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.WithoutPii("2026.12.02.5"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });
        var complete = TestPolicies.StrictSecrets("2026.12.02.6");

        File.WriteAllText(path, complete[..(complete.Length / 2)]);
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Equal("2026.12.02.5", store.Active.Id);
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);
    }

    [Fact]
    public void Changed_content_under_an_old_version_id_is_rejected()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.WithoutPii("2026.12.02.7"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });

        File.WriteAllText(path, TestPolicies.StrictSecrets("2026.12.02.7"));
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Rejected, result.Status);
        Assert.Contains("new \"version\"", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);
    }

    [Fact]
    public void Touching_an_unchanged_file_keeps_a_version_an_operator_activated()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.WithoutPii("2026.12.02.8"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });
        store.Activate(GuardrailPolicy.Default.Version, "oncall", "back to the default");

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Unchanged, result.Status);
        Assert.Equal(GuardrailPolicy.Default.Version, store.Active.Id);
    }

    [Fact]
    public void A_new_file_in_the_policies_directory_becomes_available_but_not_active()
    {
        using var directory = new TempDirectory();
        var store = new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = directory.Path });

        directory.Write("candidate.json", TestPolicies.WithoutPii("2026.12.02.9"));
        var result = store.Reload();

        Assert.Equal(PolicyReloadStatus.Added, result.Status);
        Assert.Contains(store.Versions, v => v.Id == "2026.12.02.9");
        Assert.Equal(GuardrailPolicy.Default.Version, store.Active.Id);
    }

    [Fact]
    public async Task The_watcher_applies_a_new_file_and_survives_a_broken_one()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("app.policy.json", TestPolicies.StrictSecrets("2026.12.03.1"));
        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });
        using var watcher = new PolicyFileWatcher(store, path, policiesDirectory: null, TimeSpan.FromMilliseconds(50));
        var results = System.Threading.Channels.Channel.CreateUnbounded<PolicyReloadResult>();
        watcher.Reloaded += (_, result) => results.Writer.TryWrite(result);

        File.WriteAllText(path, TestPolicies.WithoutPii("2026.12.03.2"));
        var applied = await NextAsync(results.Reader, r => r.Status == PolicyReloadStatus.Activated);
        Assert.Equal("2026.12.03.2", applied.Active.Id);
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);

        File.WriteAllText(path, "{ \"version\": \"2026.12.03.3\", \"rails\": { \"pii\": { \"mode\": \"shadow\" } } }");
        var rejected = await NextAsync(results.Reader, r => r.Status == PolicyReloadStatus.Rejected);
        Assert.Contains("unknown mode", Assert.Single(rejected.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("2026.12.03.2", store.Active.Id);
    }

    private static async Task<PolicyReloadResult> NextAsync(
        System.Threading.Channels.ChannelReader<PolicyReloadResult> reader,
        Func<PolicyReloadResult, bool> wanted)
    {
        // A generous bound: file events can be slow on a busy machine, and a missing event must fail, not hang.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await reader.ReadAsync(timeout.Token);
            if (wanted(result))
            {
                return result;
            }
        }
    }
}
