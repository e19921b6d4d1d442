using System.CommandLine;
using System.Text.Json;
using GoldenPath.Cli.Output;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath retrieval ...</c>: ingest access-controlled documents into a store and query them as a given user.</summary>
internal static class RetrievalCommands
{
    public static Command Create(CliConsole console) => new("retrieval", "Ingest and query access-controlled knowledge.")
    {
        CreateIngestCommand(console),
        CreateQueryCommand(console),
        RetrievalBenchCommand.Create(console),
    };

    private static Command CreateIngestCommand(CliConsole console)
    {
        var docs = DocsOption();
        docs.Required = true;
        var store = StoreOption("Store directory to ingest into (created when missing); without it, only check what would be indexed.");
        var command = new Command("ingest", "Ingest a document folder into a store, or check it without --store; exit 1 when any document is rejected.") { docs, store };
        command.SetAction(parseResult =>
        {
            if (!TryRead(parseResult.GetRequiredValue(docs).FullName, console, out var report))
            {
                return ExitCodes.Error;
            }

            if (parseResult.GetValue(store) is not { } storeDirectory)
            {
                console.Out.WriteLine($"accepted: {report.Accepted.Count}");
                WriteRejected(console, report.Rejected);
                return report.Rejected.Count == 0 ? ExitCodes.Success : ExitCodes.Error;
            }

            // Chunks are screened with the default input rails so a planted instruction never reaches the index.
            var screen = new RetrievalChunkScreen(new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions()));
            if (!TryOpen(storeDirectory.FullName, console, new KnowledgeIndexOptions { ChunkScreen = screen }, out var index))
            {
                return ExitCodes.Error;
            }

            using (index)
            {
                IngestionResult result;
                try
                {
                    result = index.Ingest(report);
                }
                catch (KnowledgeStoreException ex)
                {
                    console.Error.WriteLine($"error: {ex.Message}");
                    return ExitCodes.Error;
                }

                console.Out.WriteLine($"store: {index.StorePath}");
                console.Out.WriteLine($"ingested: {result.Ingested}");
                console.Out.WriteLine($"unchanged: {result.Unchanged}");
                WriteRejected(console, result.Rejected);
                console.Out.WriteLine($"quarantined: {result.Quarantined.Count}");
                foreach (var chunk in result.Quarantined)
                {
                    console.Out.WriteLine($"  {chunk.DocumentId} chunk {chunk.ChunkIndex}: {chunk.Reason}");
                }

                return result.Rejected.Count == 0 ? ExitCodes.Success : ExitCodes.Error;
            }
        });
        return command;
    }

    private static Command CreateQueryCommand(CliConsole console)
    {
        var docs = DocsOption();
        var store = StoreOption("Store directory written by 'goldenpath retrieval ingest --store'.");
        var principals = new Option<string>("--principals") { Description = "Who is asking, comma-separated, for example \"user:alice,group:eng\".", Required = true };
        var query = new Option<string>("--query") { Description = "The question.", Required = true };
        var top = new Option<int>("--top") { Description = "Most passages to return.", DefaultValueFactory = _ => 4 };
        top.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 1 or > 100)
            {
                result.AddError("--top must be between 1 and 100.");
            }
        });

        var command = new Command("query", "Search a store (--store) or a document folder (--docs) as the given principals; prints one JSON object per passage.")
        {
            docs, store, principals, query, top,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(docs) is null) == (result.GetValue(store) is null))
            {
                result.AddError("Pass exactly one of --store DIR (a store built by 'retrieval ingest --store') or --docs FOLDER (index the folder in memory).");
            }
        });
        command.SetAction(parseResult =>
        {
            PrincipalSet caller;
            try
            {
                caller = PrincipalSet.From(parseResult.GetRequiredValue(principals).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            catch (ArgumentException ex)
            {
                console.Error.WriteLine($"error: --principals: {ex.Message} Fix: use user:<id>, group:<name> or role:<name>, comma-separated.");
                return ExitCodes.Error;
            }

            KnowledgeIndex index;
            if (parseResult.GetValue(store) is { } storeDirectory)
            {
                if (!Directory.Exists(storeDirectory.FullName))
                {
                    console.Error.WriteLine($"error: store directory '{storeDirectory.FullName}' does not exist; create it with 'goldenpath retrieval ingest --store {storeDirectory.FullName} --docs FOLDER'.");
                    return ExitCodes.Error;
                }

                if (!TryOpen(storeDirectory.FullName, console, new KnowledgeIndexOptions(), out index))
                {
                    return ExitCodes.Error;
                }
            }
            else
            {
                if (!TryRead(parseResult.GetRequiredValue(docs).FullName, console, out var report))
                {
                    return ExitCodes.Error;
                }

                // Rejected documents are simply absent from the index (deny-by-default); say so, on stderr to keep stdout parseable.
                if (report.Rejected.Count > 0)
                {
                    console.Error.WriteLine($"warning: {report.Rejected.Count} document(s) rejected and not searchable; run 'goldenpath retrieval ingest' for details.");
                }

                index = new KnowledgeIndex(new HashingEmbedder());
                index.Ingest(report);
            }

            using (index)
            {
                foreach (var passage in index.Search(parseResult.GetRequiredValue(query), caller, parseResult.GetValue(top)))
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(new PassageLine(passage.DocumentId, passage.Title, Math.Round(passage.Score, 4), passage.FlagReason), CliJson.Compact));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<DirectoryInfo> DocsOption() =>
        new("--docs") { Description = "Folder of Markdown, text or JSON documents with ACLs." };

    private static Option<DirectoryInfo> StoreOption(string description) =>
        new("--store") { Description = description };

    private static void WriteRejected(CliConsole console, IReadOnlyList<RejectedDocument> rejected)
    {
        console.Out.WriteLine($"rejected: {rejected.Count}");
        foreach (var document in rejected)
        {
            var line = document.Line is { } number ? $"({number})" : string.Empty;
            console.Out.WriteLine($"  {document.Source}{line}: {document.Reason}");
        }
    }

    private static bool TryOpen(string directory, CliConsole console, KnowledgeIndexOptions options, out KnowledgeIndex index)
    {
        try
        {
            index = KnowledgeIndex.Open(directory, new HashingEmbedder(), options);
        }
        catch (KnowledgeStoreException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            index = null!;
            return false;
        }

        foreach (var warning in index.RecoveryWarnings)
        {
            console.Error.WriteLine($"warning: {warning}");
        }

        return true;
    }

    private static bool TryRead(string directory, CliConsole console, out IngestionReport report)
    {
        try
        {
            report = DocumentReader.ReadDirectory(directory);
            return true;
        }
        catch (DirectoryNotFoundException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            report = null!;
            return false;
        }
    }

    private sealed record PassageLine(
        string Id,
        string Title,
        double Score,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Flag);
}
