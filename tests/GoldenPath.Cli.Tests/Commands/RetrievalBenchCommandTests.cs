using System.Text.Json;
using GoldenPath.Cli.Tests.Support;

namespace GoldenPath.Cli.Tests.Commands;

public sealed class RetrievalBenchCommandTests
{
    [Theory]
    [InlineData("0.01")]
    [InlineData("0.3")]
    public async Task Bench_prints_one_json_line_with_exact_recall(string selectivity)
    {
        var result = await CliRunner.RunAsync("retrieval", "bench", "--chunks", "3000", "--dims", "32", "--selectivity", selectivity, "--queries", "25", "--seed", "7");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("embedded", json.GetProperty("store").GetString());
        Assert.Equal(3000, json.GetProperty("chunks").GetInt32());
        Assert.Equal(32, json.GetProperty("dims").GetInt32());
        Assert.Equal(double.Parse(selectivity, System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("selectivity").GetDouble());
        Assert.Equal(25, json.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, json.GetProperty("recallAt10").GetDouble());
        Assert.Equal(0, json.GetProperty("underfilled").GetInt32());
        Assert.True(json.GetProperty("p50Us").GetDouble() > 0);
        Assert.True(json.GetProperty("p99Us").GetDouble() >= json.GetProperty("p50Us").GetDouble());
    }

    [Fact]
    public async Task Bench_rejects_a_selectivity_outside_zero_to_one()
    {
        var result = await CliRunner.RunAsync("retrieval", "bench", "--chunks", "10", "--selectivity", "1.5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--selectivity must be greater than 0 and at most 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_bench_needs_a_connection_string()
    {
        var result = await CliRunner.RunAsync("retrieval", "bench", "--store", "postgres", "--chunks", "10", "--selectivity", "0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--store postgres needs --connection", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_bench_against_an_unreachable_server_is_a_clear_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRunner.RunAsync(
            "retrieval", "bench", "--store", "postgres", "--connection", $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2", "--chunks", "10", "--selectivity", "0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not run against that connection", result.Error, StringComparison.Ordinal);
    }
}
