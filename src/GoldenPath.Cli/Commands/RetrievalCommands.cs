using System.CommandLine;
using System.Text.Json;
using GoldenPath.Cli.Output;
using GoldenPath.Retrieval;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath retrieval ...</c>: ingest access-controlled documents and query them as a given user.</summary>
internal static class RetrievalCommands
{
    public static Command Create(CliConsole console) => new("retrieval", "Ingest and query access-controlled knowledge.")
    {
        CreateIngestCommand(console),
        CreateQueryCommand(console),
    };

    private static Command CreateIngestCommand(CliConsole console)
    {
        var docs = DocsOption();
        var command = new Command("ingest", "Read a document folder and report what would be indexed; exit 1 when any document is rejected.") { docs };
        command.SetAction(parseResult =>
        {
            if (!TryRead(parseResult.GetRequiredValue(docs).FullName, console, out var report))
            {
                return ExitCodes.Error;
            }

            console.Out.WriteLine($"accepted: {report.Accepted.Count}");
            console.Out.WriteLine($"rejected: {report.Rejected.Count}");
            foreach (var rejected in report.Rejected)
            {
                var line = rejected.Line is { } number ? $"({number})" : string.Empty;
                console.Out.WriteLine($"  {rejected.Source}{line}: {rejected.Reason}");
            }

            return report.Rejected.Count == 0 ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    private static Command CreateQueryCommand(CliConsole console)
    {
        var docs = DocsOption();
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

        var command = new Command("query", "Search the documents as the given principals; prints one JSON object per passage.")
        {
            docs, principals, query, top,
        };
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

            if (!TryRead(parseResult.GetRequiredValue(docs).FullName, console, out var report))
            {
                return ExitCodes.Error;
            }

            // Rejected documents are simply absent from the index (deny-by-default); say so, on stderr to keep stdout parseable.
            if (report.Rejected.Count > 0)
            {
                console.Error.WriteLine($"warning: {report.Rejected.Count} document(s) rejected and not searchable; run 'goldenpath retrieval ingest' for details.");
            }

            var index = new KnowledgeIndex(new HashingEmbedder());
            foreach (var document in report.Accepted)
            {
                index.Upsert(document);
            }

            foreach (var passage in index.Search(parseResult.GetRequiredValue(query), caller, parseResult.GetValue(top)))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(new PassageLine(passage.DocumentId, passage.Title, Math.Round(passage.Score, 4)), CliJson.Compact));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<DirectoryInfo> DocsOption() =>
        new("--docs") { Description = "Folder of Markdown, text or JSON documents with ACLs.", Required = true };

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

    private sealed record PassageLine(string Id, string Title, double Score);
}
