using System.Security.Cryptography;
using System.Text;

namespace GoldenPath.Guardrails.Tests.Versioning;

public sealed class GuardrailPolicyStoreTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] EmbeddedDefault()
    {
        using var stream = typeof(GuardrailPolicy).Assembly.GetManifestResourceStream("GoldenPath.Guardrails.default.policy.json")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Starts_with_the_embedded_default_when_no_policy_path_is_set()
    {
        var clock = new ManualClock(s_start);

        var store = new GuardrailPolicyStore(new GuardrailOptions(), clock);

        Assert.Equal(GuardrailPolicy.Default.Version, store.Active.Id);
        Assert.Equal(GuardrailPolicyStore.EmbeddedSource, store.Active.Source);
        Assert.Equal(s_start, store.Active.LoadedAt);
        Assert.Equal(store.Active.Id, store.Current.Policy.Version);
        Assert.Equal([store.Active], store.Versions);
        var startup = Assert.Single(store.History);
        Assert.Equal(new PolicyActivation(store.Active.Id, GuardrailPolicyStore.StartupActor, startup.Reason, s_start, null), startup);
    }

    [Fact]
    public void Content_hash_is_the_sha256_of_the_bytes_read()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("custom.json", TestPolicies.WithoutPii("2026.12.01.5"));
        var json = TestPolicies.StrictSecrets("2026.12.01.6");

        var store = new GuardrailPolicyStore(new GuardrailOptions { PolicyPath = path });
        var added = store.Add(json, "admin upload");

        Assert.Equal(Sha256(EmbeddedDefault()), store.Versions[0].ContentHash);
        Assert.Equal(Sha256(File.ReadAllBytes(path)), store.Active.ContentHash);
        Assert.Equal(Sha256(Encoding.UTF8.GetBytes(json)), added.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", added.ContentHash);
    }

    [Fact]
    public void Policy_path_is_active_at_startup_and_directory_files_are_only_made_available()
    {
        using var directory = new TempDirectory();
        directory.Write("b.json", TestPolicies.WithoutPii("B"));
        directory.Write("a.json", TestPolicies.StrictSecrets("A"));
        directory.Write("notes.txt", "not a policy");
        using var elsewhere = new TempDirectory();
        var path = elsewhere.Write("active.json", TestPolicies.WithoutPii("P"));

        var store = new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = directory.Path, PolicyPath = path });

        Assert.Equal([GuardrailPolicy.Default.Version, "A", "B", "P"], store.Versions.Select(v => v.Id));
        Assert.Equal(Path.Combine(directory.Path, "a.json"), store.Versions[1].Source);
        Assert.Equal("P", store.Active.Id);
        Assert.Equal(path, store.Active.Source);
        Assert.Equal("P", Assert.Single(store.History).VersionId);
    }

    [Fact]
    public void Directory_files_alone_leave_the_default_active()
    {
        using var directory = new TempDirectory();
        directory.Write("z-newest.json", TestPolicies.WithoutPii("2099.01.01.1"));

        var store = new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = directory.Path });

        Assert.Equal(GuardrailPolicy.Default.Version, store.Active.Id);
        Assert.Equal(2, store.Versions.Count);
    }

    [Fact]
    public void Activate_switches_the_engine_and_records_who_why_and_when()
    {
        var clock = new ManualClock(s_start);
        var store = new GuardrailPolicyStore(new GuardrailOptions(), clock);
        var before = store.Current;
        store.Add(TestPolicies.WithoutPii("B"), "upload");
        PolicyActivation? raised = null;
        store.Activated += (sender, activation) =>
        {
            Assert.Same(store, sender);
            Assert.Equal("B", store.Active.Id); // handlers see the new version already live
            raised = activation;
        };
        clock.Now = s_start.AddMinutes(5);

        var activation = store.Activate("B", "alice", "PII redaction breaks the HR lookup");

        Assert.Equal(new PolicyActivation("B", "alice", "PII redaction breaks the HR lookup", s_start.AddMinutes(5), GuardrailPolicy.Default.Version), activation);
        Assert.Same(activation, raised);
        Assert.Equal("B", store.Active.Id);
        Assert.Equal("B", store.Current.Policy.Version);
        Assert.Equal(RailAction.Redact, before.EvaluateInput(TestPolicies.Email).Action);
        Assert.Equal(RailAction.Allow, store.Current.EvaluateInput(TestPolicies.Email).Action);
        Assert.Equal([GuardrailPolicy.Default.Version, "B"], store.History.Select(h => h.VersionId));
    }

    [Fact]
    public void Rollback_steps_back_through_earlier_activations()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var first = store.Active.Id;
        store.Add(TestPolicies.WithoutPii("B"), "upload");
        store.Add(TestPolicies.StrictSecrets("C"), "upload");
        store.Activate("B", "alice", "try B");
        store.Activate("C", "alice", "try C");

        var toB = store.Rollback("bob", "C blocks too much");
        var toFirst = store.Rollback("bob", "B is not ready either");

        Assert.Equal(("B", "C", "bob", "C blocks too much"), (toB.VersionId, toB.PreviousVersionId, toB.Actor, toB.Reason));
        Assert.Equal((first, "B"), (toFirst.VersionId, toFirst.PreviousVersionId));
        Assert.Equal(first, store.Current.Policy.Version);
        Assert.Equal([first, "B", "C", "B", first], store.History.Select(h => h.VersionId));
        var error = Assert.Throws<InvalidOperationException>(() => store.Rollback("bob", "once more"));
        Assert.Contains("no earlier guardrail policy version", error.Message);
        Assert.Contains(first, error.Message);
    }

    [Fact]
    public void Versions_and_history_cannot_be_changed_by_callers()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());

        Assert.Throws<NotSupportedException>(() => ((IList<PolicyVersion>)store.Versions)[0] = store.Active with { Id = "forged" });
        Assert.Throws<NotSupportedException>(() => ((IList<PolicyActivation>)store.History).Clear());
        Assert.Equal(GuardrailPolicy.Default.Version, store.Versions[0].Id);
    }

    [Fact]
    public void Rollback_with_nothing_to_return_to_changes_nothing()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var engine = store.Current;

        Assert.Throws<InvalidOperationException>(() => store.Rollback("alice", "undo"));

        Assert.Same(engine, store.Current);
        Assert.Single(store.History);
    }

    [Fact]
    public void Reactivating_the_active_version_is_recorded_without_adding_a_rollback_step()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var first = store.Active.Id;
        store.Add(TestPolicies.WithoutPii("B"), "upload");
        store.Activate("B", "alice", "try B");

        var again = store.Activate("B", "alice", "confirm B");
        var back = store.Rollback("alice", "undo");

        Assert.Equal(("B", "B"), (again.VersionId, again.PreviousVersionId));
        Assert.Equal(first, back.VersionId);
        Assert.Equal(4, store.History.Count);
    }

    [Fact]
    public void Activating_an_unknown_version_names_it_and_the_loaded_ones()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());

        var error = Assert.Throws<KeyNotFoundException>(() => store.Activate("2031.01.01.1", "alice", "typo"));

        Assert.Contains("\"2031.01.01.1\"", error.Message);
        Assert.Contains($"\"{GuardrailPolicy.Default.Version}\"", error.Message);
        Assert.Single(store.History);
    }

    [Fact]
    public void Broken_json_is_rejected_with_its_line_and_nothing_changes()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var engine = store.Current;
        const string Broken = """
            {
              "version": "B",
              "rails": {
                "pii": { "enabled": false }
                "secrets": { "enabled": true }
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => store.Add(Broken, "upload.json"));

        Assert.Equal("upload.json", error.Source);
        Assert.Equal(5, error.Line);
        Assert.Single(store.Versions);
        Assert.Same(engine, store.Current);
        Assert.Throws<KeyNotFoundException>(() => store.Activate("B", "alice", "should not exist"));
    }

    [Fact]
    public void Version_ids_are_immutable_and_identical_content_is_idempotent()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var original = store.Add(TestPolicies.WithoutPii("B"), "first.json");

        var again = store.Add(TestPolicies.WithoutPii("B"), "second.json");
        var error = Assert.Throws<GuardrailPolicyException>(() => store.Add(TestPolicies.StrictSecrets("B"), "third.json"));

        Assert.Same(original, again);
        Assert.Equal("third.json", error.Source);
        Assert.Equal(2, error.Line); // the "version" property
        Assert.Contains("first.json", error.Message);
        Assert.Contains("new \"version\"", error.Message);
        Assert.Equal([GuardrailPolicy.Default.Version, "B"], store.Versions.Select(v => v.Id));
        store.Activate("B", "alice", "check the content");
        Assert.False(store.Current.Policy.Pii.Enabled);
    }

    [Fact]
    public void The_embedded_version_id_cannot_be_reused_for_other_content()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());

        var error = Assert.Throws<GuardrailPolicyException>(() => store.Add(TestPolicies.WithoutPii(GuardrailPolicy.Default.Version), "copy.json"));

        Assert.Contains(GuardrailPolicyStore.EmbeddedSource, error.Message);
    }

    [Fact]
    public void Two_files_with_one_version_and_different_content_stop_construction()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", TestPolicies.WithoutPii("B"));
        var second = directory.Write("b.json", TestPolicies.StrictSecrets("B"));

        var error = Assert.Throws<GuardrailPolicyException>(() => new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = directory.Path }));

        Assert.StartsWith($"{second}(2): ", error.Message);
    }

    [Fact]
    public void A_broken_file_in_the_directory_stops_construction_with_file_and_line()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("broken.json", "{\n  \"version\": \"B\",\n  \"rails\": { \"pii\": { \"input\": \"deny\" } }\n}");

        var error = Assert.Throws<GuardrailPolicyException>(() => new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = directory.Path }));

        Assert.Equal(path, error.Source);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_missing_directory_is_named_with_the_setting_to_fix()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"goldenpath-missing-{Guid.NewGuid():N}");

        var error = Assert.Throws<GuardrailPolicyException>(() => new GuardrailPolicyStore(new GuardrailOptions { PoliciesDirectory = missing }));

        Assert.Equal(missing, error.Source);
        Assert.Contains("PoliciesDirectory", error.Message);
    }
}
