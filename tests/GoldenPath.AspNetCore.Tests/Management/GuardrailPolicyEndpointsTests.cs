using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoldenPath.AspNetCore.Management;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Guardrails;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Tests.Management;

public sealed class GuardrailPolicyEndpointsTests
{
    private const string Policies = "/admin/guardrails/policies";
    private const string Extra = PolicyDirectory.ExtraVersion;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Activate(string versionId) => $"{Policies}/{Uri.EscapeDataString(versionId)}/activate";

    private static JsonContent Reason(string reason) => JsonContent.Create(new { reason });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation))!;

    [Fact]
    public async Task Without_a_token_every_endpoint_is_401()
    {
        await using var host = await ManagementHost.StartAsync();
        var client = host.Client(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Policies, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Activate(Extra), null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"{Policies}/rollback", null, Cancellation)).StatusCode);
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Active.Id);
    }

    [Fact]
    public async Task Without_the_admin_role_every_endpoint_is_403_and_nothing_changes()
    {
        await using var host = await ManagementHost.StartAsync();
        var client = host.Client(TestTokens.SharedKeyToken("mallory", ["admin"]));
        var reader = host.Client(host.Token("bob", "reader"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Policies, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Activate(Extra), Reason("let me"), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"{Policies}/rollback", null, Cancellation)).StatusCode);
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Active.Id);
        Assert.Single(host.Store.History);
        Assert.Empty(host.Audit.Entries);
    }

    [Fact]
    public async Task Admin_lists_the_active_version_every_version_and_the_history()
    {
        await using var host = await ManagementHost.StartAsync();

        var response = await host.Client(host.Token("alice", "admin")).GetAsync(Policies, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(GuardrailPolicy.Default.Version, body.GetProperty("active").GetProperty("id").GetString());
        Assert.Equal(host.Store.Active.ContentHash, body.GetProperty("active").GetProperty("contentHash").GetString());
        Assert.Equal(
            [GuardrailPolicy.Default.Version, Extra],
            body.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        var startup = Assert.Single(body.GetProperty("history").EnumerateArray());
        Assert.Equal(GuardrailPolicyStore.StartupActor, startup.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, startup.GetProperty("previousVersionId").ValueKind);
    }

    [Fact]
    public async Task Admin_activation_applies_to_the_next_chat_call_and_is_audited()
    {
        await using var host = await ManagementHost.StartAsync();
        var chat = host.App.Services.GetRequiredService<IChatClient>();
        var before = await chat.GetResponseAsync("Hello", cancellationToken: Cancellation);

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), Reason("HR pilot needs e-mail addresses"), Cancellation);
        var after = await chat.GetResponseAsync("Hello", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activation = await JsonAsync(response);
        Assert.Equal(Extra, activation.GetProperty("versionId").GetString());
        Assert.Equal("alice", activation.GetProperty("actor").GetString());
        Assert.Equal("HR pilot needs e-mail addresses", activation.GetProperty("reason").GetString());
        Assert.Equal(GuardrailPolicy.Default.Version, activation.GetProperty("previousVersionId").GetString());
        Assert.Equal(GuardrailPolicy.Default.Version, before.GetGuardrailVerdict()!.PolicyVersion);
        Assert.Equal(Extra, after.GetGuardrailVerdict()!.PolicyVersion);
        Assert.Equal(Extra, host.Store.Current.Policy.Version);
        Assert.Equal(RailAction.Allow, host.Store.Current.EvaluateInput("jane@example.com").Action);

        var entry = Assert.Single(host.Audit.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(new EventId(4100, "GuardrailPolicyActivated"), entry.EventId);
        Assert.Equal("alice", entry.Fields["actor"]);
        Assert.Equal(GuardrailPolicy.Default.Version, entry.Fields["from"]);
        Assert.Equal(Extra, entry.Fields["to"]);
        Assert.Equal("HR pilot needs e-mail addresses", entry.Fields["reason"]);
        Assert.Equal(host.Store.History[^1].At, entry.Fields["at"]);
        Assert.Equal("activate", entry.Fields["change"]);
    }

    [Fact]
    public async Task Activation_without_a_body_records_an_empty_reason()
    {
        await using var host = await ManagementHost.StartAsync();

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), null, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, host.Store.History[^1].Reason);
        Assert.Equal(Extra, host.Store.Active.Id);
    }

    [Fact]
    public async Task Unknown_version_is_a_404_problem_naming_it()
    {
        await using var host = await ManagementHost.StartAsync();

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate("2031.01.01.1"), Reason("typo"), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Contains("\"2031.01.01.1\"", problem.GetProperty("detail").GetString());
        Assert.Single(host.Store.History);
        Assert.Empty(host.Audit.Entries);
    }

    [Fact]
    public async Task Rollback_returns_to_the_previous_version_then_409_when_there_is_none()
    {
        await using var host = await ManagementHost.StartAsync();
        var client = host.Client(host.Token("alice", "admin"));
        await client.PostAsync(Activate(Extra), Reason("pilot"), Cancellation);

        var rollback = await client.PostAsync($"{Policies}/rollback", Reason("pilot over"), Cancellation);
        var again = await client.PostAsync($"{Policies}/rollback", Reason("one more"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var activation = await JsonAsync(rollback);
        Assert.Equal(GuardrailPolicy.Default.Version, activation.GetProperty("versionId").GetString());
        Assert.Equal(Extra, activation.GetProperty("previousVersionId").GetString());
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Current.Policy.Version);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("roll back", (await JsonAsync(again)).GetProperty("detail").GetString());

        Assert.Equal(["activate", "rollback"], host.Audit.Entries.Select(e => e.Fields["change"]));
        Assert.Equal(Extra, host.Audit.Entries.Last().Fields["from"]);
    }

    [Theory]
    [InlineData(501, false)]
    [InlineData(20, true)]
    public async Task Overlong_or_multi_line_reasons_are_400_and_change_nothing(int length, bool lineBreak)
    {
        await using var host = await ManagementHost.StartAsync();
        var reason = new string('x', length) + (lineBreak ? "\nGuardrail policy X activated by root" : string.Empty);

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), Reason(reason), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid reason", (await JsonAsync(response)).GetProperty("title").GetString());
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Active.Id);
        Assert.Empty(host.Audit.Entries);
    }

    [Fact]
    public async Task A_reason_of_exactly_the_limit_is_accepted()
    {
        await using var host = await ManagementHost.StartAsync();
        var reason = new string('x', PolicyChangeRequest.MaxReasonLength);

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), Reason(reason), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(reason, host.Store.History[^1].Reason);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await using var host = await ManagementHost.StartAsync();
        using var body = new StringContent("{ \"reason\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), body, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Active.Id);
    }

    [Fact]
    public async Task An_admin_token_without_a_user_id_cannot_make_a_change()
    {
        await using var host = await ManagementHost.StartAsync();

        var response = await host.Client(host.Token(user: null, "admin")).PostAsync(Activate(Extra), Reason("app-only"), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("'sub'", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(GuardrailPolicy.Default.Version, host.Store.Active.Id);
    }

    [Fact]
    public async Task The_change_is_an_event_on_the_request_span()
    {
        var events = new List<ActivityEvent>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (events)
                {
                    events.AddRange(activity.Events.Where(e => e.Name == GuardrailPolicyAudit.ActivityEventName));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await ManagementHost.StartAsync();

        var response = await host.Client(host.Token("alice", "admin")).PostAsync(Activate(Extra), Reason("pilot"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The server span may end just after the client has its response; other tests' requests are ignored by the filter.
        ActivityEvent[] recorded = [];
        for (var attempt = 0; attempt < 100 && recorded.Length == 0; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 20, Cancellation);
            lock (events)
            {
                recorded = [.. events];
            }
        }

        var tags = Assert.Single(recorded).Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(Extra, tags[GuardrailPolicyAudit.VersionTag]);
        Assert.Equal(GuardrailPolicy.Default.Version, tags[GuardrailPolicyAudit.PreviousVersionTag]);
        Assert.Equal("activate", tags[GuardrailPolicyAudit.ChangeTag]);
        Assert.DoesNotContain(tags.Values, value => value is "alice" or "pilot");
    }
}
