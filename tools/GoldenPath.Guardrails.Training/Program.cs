namespace GoldenPath.Guardrails.Training;

/// <summary>
/// <c>GoldenPath.Guardrails.Training --corpus training/injection/corpus --output path/injection-model.bin</c>
/// Exit codes: 0 trained, 1 bad arguments or I/O failure, 2 the corpus has errors (each printed as file(line)).
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? corpus = null;
        string? destination = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--output" when i + 1 < args.Length:
                    destination = args[++i];
                    break;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: --corpus <folder> --output <model file>");
                    return 1;
            }
        }

        if (corpus is null || destination is null)
        {
            error.WriteLine("Usage: --corpus <folder> --output <model file>");
            return 1;
        }

        IReadOnlyList<CorpusEntry> entries;
        try
        {
            entries = CorpusReader.Read(corpus);
        }
        catch (CorpusException ex)
        {
            foreach (var line in ex.Errors)
            {
                error.WriteLine(line);
            }

            return 2;
        }

        var train = entries.Count(e => !e.IsHeldOut);
        output.WriteLine($"Corpus: {entries.Count} texts ({train} train, {entries.Count - train} held out) from {corpus}");

        var settings = new TrainingSettings();
        var result = new ModelTraining(settings).Run(entries, error);
        result.CrossValidated.WriteTo(output, $"Train split, {settings.Folds}-fold cross-validation by family");
        result.HeldOut.WriteTo(output, "Held-out split");
        output.WriteLine($"Calibration: scale {result.Model.Scale:F4}, offset {result.Model.Offset:F4}");

        try
        {
            WriteAtomically(result.Model, destination);
        }
        catch (IOException ex)
        {
            error.WriteLine($"{destination}: cannot write the model ({ex.Message}). Fix: check the folder exists and is writable.");
            return 1;
        }

        output.WriteLine($"Model: {new FileInfo(destination).Length:N0} bytes written to {destination}");
        return 0;
    }

    /// <summary>Writes next to the destination, then renames: a reader never sees a half-written model.</summary>
    private static void WriteAtomically(InjectionModel model, string destination)
    {
        var full = Path.GetFullPath(destination);
        var temporary = full + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                model.Write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
