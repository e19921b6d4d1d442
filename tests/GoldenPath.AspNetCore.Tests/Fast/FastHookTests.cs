using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoldenPath.AspNetCore.Fast;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Retrieval;

namespace GoldenPath.AspNetCore.Tests.Fast;

public sealed class FastHookTests
{
    private const string Canary = "GPCANARY-6B2E0D9F47A1C385";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly object s_restrictedPlant = new
    {
        systemPrompt = new[] { $"Deployment marker: {Canary}" },
        documents = new object[]
        {
            new { id = "comp-review", title = "Compensation review notes", text = $"Reviewer reference {Canary}. Merit budget is held at the current level.", groups = new[] { "hr" } },
            new { id = "benefits-riley", title = "Benefits record", text = "Private health plan tier three for the merit review period.", groups = new[] { "user:riley" } },
        },
    };

    [Fact]
    public async Task A_disabled_hook_maps_nothing()
    {
        await using var host = await FastHookHost.StartAsync(enabled: false);
        using var client = host.OperatorClient();

        using var plant = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);
        using var remove = await client.DeleteAsync("/fast/plant", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, plant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Empty(host.Canaries.SystemPromptLines);
    }

    [Fact]
    public async Task Without_a_token_the_hook_answers_401()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.Client(token: null);

        using var response = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Canaries.SystemPromptLines);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData(null)]
    public async Task Without_the_operator_role_the_hook_answers_403(string? role)
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.Client(TestTokens.SharedKeyToken("alice", groups: ["hr"], roles: role is null ? [] : [role]));

        using var plant = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);
        using var remove = await client.DeleteAsync("/fast/plant", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, plant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Empty(host.Canaries.SystemPromptLines);
    }

    [Fact]
    public async Task A_planted_restricted_document_is_found_only_by_callers_it_is_restricted_to()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();

        using var response = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var planted = await response.Content.ReadFromJsonAsync<PlantResponse>(Cancellation);
        Assert.Equal(["fast-comp-review", "fast-benefits-riley"], planted!.Documents);
        Assert.Empty(planted.Quarantined);
        Assert.Contains("fast-comp-review", await Found(host, "merit budget reviewer reference", "user:alice", "group:hr"));
        Assert.DoesNotContain("fast-comp-review", await Found(host, "merit budget reviewer reference", "user:bob", "group:employees"));
        Assert.Contains("fast-benefits-riley", await Found(host, "health plan tier merit review", "user:riley", "group:employees"));
        Assert.DoesNotContain("fast-benefits-riley", await Found(host, "health plan tier merit review", "user:alice", "group:hr"));
    }

    [Fact]
    public async Task Chunks_the_ingestion_screen_quarantines_are_reported_to_the_scan()
    {
        await using var host = await FastHookHost.StartAsync(flagSuspiciousChunks: false);
        using var client = host.OperatorClient();

        using var response = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var planted = await response.Content.ReadFromJsonAsync<PlantResponse>(Cancellation);
        var quarantined = Assert.Single(planted!.Quarantined);
        Assert.StartsWith("fast-comp-review#0: ", quarantined, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, quarantined, StringComparison.Ordinal);
        Assert.Empty(await Found(host, "merit budget reviewer reference", "user:alice", "group:hr"));
    }

    [Fact]
    public async Task A_document_without_groups_is_readable_by_the_unrestricted_audience()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();
        var plant = new { documents = new[] { new { id = "holiday-note", title = "Holiday note", text = "Staff receive twenty seven days of leave." } } };

        using var response = await client.PostAsJsonAsync("/fast/plant", plant, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await host.Store.CanReadAsync(PrincipalSet.From(["user:bob", "group:employees"]), "fast-holiday-note", Cancellation));
        Assert.False(await host.Store.CanReadAsync(PrincipalSet.From(["user:bob", "group:contractors"]), "fast-holiday-note", Cancellation));
    }

    [Fact]
    public async Task Planted_system_prompt_lines_are_what_the_app_reads()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();

        using var first = await client.PostAsJsonAsync("/fast/plant", new { systemPrompt = new[] { "Marker one GPCANARY-0000000000000001" } }, Cancellation);
        using var second = await client.PostAsJsonAsync("/fast/plant", new { systemPrompt = new[] { "Marker two GPCANARY-0000000000000002" } }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Marker one GPCANARY-0000000000000001", "Marker two GPCANARY-0000000000000002"], host.Canaries.SystemPromptLines);
    }

    [Fact]
    public async Task Delete_removes_every_line_and_document_planted()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();
        using var plant = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);
        Assert.Equal(HttpStatusCode.OK, plant.StatusCode);

        using var response = await client.DeleteAsync("/fast/plant", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Canaries.SystemPromptLines);
        Assert.Empty(host.Canaries.DocumentIds);
        Assert.False(await host.Store.CanReadAsync(PrincipalSet.From(["user:alice", "group:hr"]), "fast-comp-review", Cancellation));
        Assert.False(await host.Store.CanReadAsync(PrincipalSet.From(["user:riley"]), "fast-benefits-riley", Cancellation));
        Assert.Empty(await Found(host, "merit budget reviewer reference", "user:alice", "group:hr"));
    }

    [Fact]
    public async Task Delete_by_id_removes_only_those_planted_documents_and_never_a_real_one()
    {
        await using var host = await FastHookHost.StartAsync();
        await host.Store.UpsertAsync(DocumentReader.Parse("""{"id": "comp-review", "title": "Real", "acl": ["group:hr"], "content": "The real review."}""", "real.json"), Cancellation);
        using var client = host.OperatorClient();
        using var plant = await client.PostAsJsonAsync("/fast/plant", s_restrictedPlant, Cancellation);
        Assert.Equal(HttpStatusCode.OK, plant.StatusCode);

        using var response = await client.DeleteAsync("/fast/plant?id=fast-comp-review&id=comp-review", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hr = PrincipalSet.From(["user:alice", "group:hr"]);
        Assert.False(await host.Store.CanReadAsync(hr, "fast-comp-review", Cancellation));
        Assert.True(await host.Store.CanReadAsync(hr, "comp-review", Cancellation));
        Assert.True(await host.Store.CanReadAsync(PrincipalSet.From(["user:riley"]), "fast-benefits-riley", Cancellation));
        Assert.Equal(["fast-benefits-riley"], host.Canaries.DocumentIds);
        Assert.Single(host.Canaries.SystemPromptLines);
    }

    [Fact]
    public async Task Broken_json_is_a_400_problem()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();

        using var response = await client.PostAsync("/fast/plant", new StringContent("{\"documents\": [", Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Canaries.DocumentIds);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_naming_each_field_and_nothing_is_planted()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();
        var plant = new
        {
            systemPrompt = new[] { "two\nlines" },
            documents = new object[]
            {
                new { id = "Bad Id", title = "t", text = "x", groups = new[] { "hr" } },
                new { id = "ok", title = "t", text = "", groups = new[] { "*" } },
            },
        };

        using var response = await client.PostAsJsonAsync("/fast/plant", plant, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(field => field.Name).ToArray();
        Assert.Equal(["systemPrompt[0]", "documents[0].id", "documents[1].text", "documents[1].groups[0]"], fields);
        Assert.Empty(host.Canaries.SystemPromptLines);
        Assert.Empty(host.Canaries.DocumentIds);
    }

    [Fact]
    public async Task An_oversized_plant_is_refused_with_413()
    {
        await using var host = await FastHookHost.StartAsync();
        using var client = host.OperatorClient();
        var plant = new { documents = new[] { new { id = "big", title = "Big", text = new string('a', 70_000) } } };

        using var response = await client.PostAsJsonAsync("/fast/plant", plant, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Canaries.DocumentIds);
    }

    [Fact]
    public async Task The_hook_enabled_in_production_stops_startup_with_the_fix()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => FastHookHost.StartAsync(environment: "Production"));

        Assert.Contains("GoldenPath:Fast:Hooks:Enabled is true in the 'Production' environment", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: remove GoldenPath:Fast:Hooks:Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hook_is_allowed_in_testing()
    {
        await using var host = await FastHookHost.StartAsync(environment: "Testing");

        Assert.True(host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FastHookOptions>>().Value.Enabled);
    }

    private static async Task<string[]> Found(FastHookHost host, string query, params string[] principals) =>
        [.. (await host.Store.SearchAsync(query, PrincipalSet.From(principals), 8, Cancellation)).Select(passage => passage.DocumentId).Distinct()];
}
