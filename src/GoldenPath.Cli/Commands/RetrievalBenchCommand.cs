using System.CommandLine;
using System.Text.Json;
using GoldenPath.Cli.Output;
using GoldenPath.Retrieval;

namespace GoldenPath.Cli.Commands;

/// <summary>
/// <c>goldenpath retrieval bench</c>: permission-filtered top-k latency and recall of a store on seeded random vectors,
/// printed as one JSON line so runs can be compared across stores and machines.
/// </summary>
internal static class RetrievalBenchCommand
{
    private const string EmbeddedStore = "embedded";
    private const string PostgresStore = "postgres";

    public static Command Create(CliConsole console)
    {
        var store = new Option<string>("--store") { Description = "The store to measure.", DefaultValueFactory = _ => EmbeddedStore };
        store.AcceptOnlyFromAmong(EmbeddedStore, PostgresStore);
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string, with --store postgres. The bench works in a temporary schema and drops it." };
        var chunks = new Option<int>("--chunks") { Description = "Random unit vectors to store.", Required = true };
        var dims = new Option<int>("--dims") { Description = "Vector dimensions.", DefaultValueFactory = _ => 384 };
        var selectivity = new Option<double>("--selectivity") { Description = "Fraction of chunks the querying principals may read, for example 0.01.", Required = true };
        var queries = new Option<int>("--queries") { Description = "Timed queries.", DefaultValueFactory = _ => 200 };
        var top = new Option<int>("--top") { Description = "Results per query (k).", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed for data and queries.", DefaultValueFactory = _ => 1 };

        var command = new Command("bench", "Measure p50/p99 latency, recall and underfilled results of permission-filtered vector search; prints one JSON line.")
        {
            store, connection, chunks, dims, selectivity, queries, top, seed,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new VectorBenchOptions(
                parseResult.GetValue(chunks),
                parseResult.GetValue(dims),
                parseResult.GetValue(selectivity),
                parseResult.GetValue(queries),
                parseResult.GetValue(top),
                parseResult.GetValue(seed));
            if (options.Validate() is { } problem)
            {
                console.Error.WriteLine($"error: {problem}");
                return ExitCodes.Error;
            }

            if (parseResult.GetRequiredValue(store) == PostgresStore)
            {
                return await RunPostgresAsync(console, parseResult.GetValue(connection), options, cancellationToken).ConfigureAwait(false);
            }

            await using var target = CreateTarget(parseResult.GetRequiredValue(store));
            var result = await VectorBench.RunAsync(target, options, cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine(JsonSerializer.Serialize(result, CliJson.Compact));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// PostgreSQL measures the store's own SQL path (row-level security, ACL filter, HNSW with iterative scan) on the
    /// same kind of seeded data, with k fixed at 10.
    /// </summary>
    private static async Task<int> RunPostgresAsync(CliConsole console, string? connection, VectorBenchOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            console.Error.WriteLine("error: --store postgres needs --connection \"Host=...;Database=...;Username=...\".");
            return ExitCodes.Error;
        }

        if (options.Top != 10)
        {
            console.Error.WriteLine("error: the postgres bench measures k = 10; leave --top at its default.");
            return ExitCodes.Error;
        }

        try
        {
            var measured = await PostgresBench.RunAsync(connection, options.Chunks, options.Dimensions, options.Selectivity, options.Queries, options.Seed, cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = new VectorBenchResult(PostgresStore, measured.Chunks, measured.Dimensions, measured.Selectivity, measured.Queries, measured.P50Us, measured.P99Us, measured.RecallAt10, measured.Underfilled);
            console.Out.WriteLine(JsonSerializer.Serialize(result, CliJson.Compact));
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            console.Error.WriteLine($"error: the PostgreSQL bench could not run against that connection: {exception.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>One place to add a store: each target loads the same generated data and answers the same queries.</summary>
    private static IVectorBenchTarget CreateTarget(string store) => store switch
    {
        EmbeddedStore => new EmbeddedVectorBenchTarget(),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "Unknown store."),
    };
}
