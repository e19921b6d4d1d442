namespace GoldenPath.Retrieval;

/// <summary>
/// The files of a persisted store: generation <c>g</c> is <c>snapshot-g</c> (the state when it began; absent for
/// generation 0, which begins empty) plus <c>journal-g</c> (every change since). Compaction writes <c>snapshot-(g+1)</c>
/// and starts <c>journal-(g+1)</c>, keeping generation <c>g</c> as a fallback: if the newest snapshot is damaged, the
/// previous snapshot plus both journals rebuild the same state.
/// </summary>
internal sealed class StoreDirectory : IDisposable
{
    private const string LockFileName = "store.lock";

    private readonly int _dimensions;
    private readonly FileStream _lock;
    private StoreJournal _journal;

    private StoreDirectory(string path, int dimensions, long generation, StoreJournal journal, FileStream lockFile)
    {
        Path = path;
        _dimensions = dimensions;
        Generation = generation;
        _journal = journal;
        _lock = lockFile;
    }

    internal string Path { get; }

    internal long Generation { get; private set; }

    internal int JournalRecords => _journal.RecordCount;

    /// <summary>Loads the committed state of <paramref name="path"/>, creating an empty store when it has none.</summary>
    /// <remarks><paramref name="warnings"/> receives what was recovered from (a torn last record, a skipped damaged snapshot).</remarks>
    internal static StoreDirectory Open(string path, int dimensions, out Dictionary<string, StoredDocument> state, List<string> warnings)
    {
        var directory = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var leftover in Directory.EnumerateFiles(directory, "*" + StoreFiles.TemporaryExtension))
            {
                // A temporary file is a write that never reached its rename; the previous file is still complete.
                File.Delete(leftover);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeStoreException($"The store directory '{directory}' cannot be created or written ({ex.Message}). Check the path and its permissions.", directory, ex);
        }

        var lockFile = AcquireLock(directory);
        try
        {
            return Load(directory, dimensions, lockFile, out state, warnings);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    private static StoreDirectory Load(string directory, int dimensions, FileStream lockFile, out Dictionary<string, StoredDocument> state, List<string> warnings)
    {
        var snapshots = StoreFiles.Generations(directory, StoreFiles.SnapshotPrefix, StoreFiles.SnapshotExtension);
        var journals = StoreFiles.Generations(directory, StoreFiles.JournalPrefix, StoreFiles.JournalExtension);
        state = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        if (snapshots.Count == 0 && journals.Count == 0)
        {
            return new StoreDirectory(directory, dimensions, 0, StoreJournal.Create(StoreFiles.JournalPath(directory, 0), dimensions, 0), lockFile);
        }

        var baseGeneration = -1L;
        var damaged = new List<string>();
        foreach (var generation in snapshots)
        {
            var snapshotPath = StoreFiles.SnapshotPath(directory, generation);
            if (StoreSnapshot.TryRead(snapshotPath, dimensions, out var problem) is { } documents)
            {
                foreach (var document in documents)
                {
                    state[document.Document.Id] = document;
                }

                baseGeneration = generation;
                break;
            }

            damaged.Add($"'{snapshotPath}': {problem}");
        }

        if (baseGeneration < 0)
        {
            // Generation 0 starts empty, so its journal alone is a complete history.
            if (!journals.Contains(0))
            {
                throw new KnowledgeStoreException($"The store at '{directory}' has no usable snapshot ({string.Join("; ", damaged)}) and no earlier generation to rebuild from. {StoreFiles.RecoveryFix}", directory);
            }

            baseGeneration = 0;
        }

        foreach (var problem in damaged)
        {
            warnings.Add($"Skipped damaged snapshot {problem}; rebuilt the same state from generation {baseGeneration}. The next compaction replaces the damaged file.");
        }

        var newest = Math.Max(baseGeneration, journals.Count > 0 ? journals[0] : 0);
        StoreJournal? active = null;
        for (var generation = baseGeneration; generation <= newest; generation++)
        {
            var journalPath = StoreFiles.JournalPath(directory, generation);
            if (!File.Exists(journalPath))
            {
                if (generation == newest && snapshots.Count > 0 && snapshots[0] == generation)
                {
                    // Compaction stopped between writing the snapshot and starting its journal: nothing is missing.
                    active = StoreJournal.Create(journalPath, dimensions, generation);
                    break;
                }

                throw new KnowledgeStoreException($"The store at '{directory}' is missing '{journalPath}', which holds changes needed to rebuild it. {StoreFiles.RecoveryFix}", journalPath);
            }

            var records = StoreJournal.Read(journalPath, dimensions, out var validLength, out var warning);
            foreach (var record in records)
            {
                if (record.Upsert is { } document)
                {
                    state[record.DocumentId] = document;
                }
                else
                {
                    state.Remove(record.DocumentId);
                }
            }

            if (warning is not null)
            {
                warnings.Add(warning);
            }

            if (generation == newest)
            {
                active = StoreJournal.OpenForAppend(journalPath, validLength, records.Count);
            }
        }

        return new StoreDirectory(directory, dimensions, newest, active!, lockFile);
    }

    /// <summary>Durably records one change; returns only once it is on disk.</summary>
    internal void Append(StoreRecord record) => _journal.Append(StoreCodec.EncodeRecord(record));

    /// <summary>Folds the journal into a new snapshot of <paramref name="documents"/> and starts an empty journal.</summary>
    internal void Compact(IReadOnlyCollection<StoredDocument> documents)
    {
        var next = Generation + 1;
        StoreSnapshot.Write(StoreFiles.SnapshotPath(Path, next), _dimensions, next, documents);
        var journal = StoreJournal.Create(StoreFiles.JournalPath(Path, next), _dimensions, next);
        _journal.Dispose();
        _journal = journal;
        Generation = next;

        // Generation next-1 stays as the fallback; anything older is no longer needed.
        foreach (var (prefix, extension) in new[] { (StoreFiles.SnapshotPrefix, StoreFiles.SnapshotExtension), (StoreFiles.JournalPrefix, StoreFiles.JournalExtension) })
        {
            foreach (var generation in StoreFiles.Generations(Path, prefix, extension).Where(g => g < next - 1))
            {
                File.Delete(prefix == StoreFiles.SnapshotPrefix ? StoreFiles.SnapshotPath(Path, generation) : StoreFiles.JournalPath(Path, generation));
            }
        }
    }

    public void Dispose()
    {
        _journal.Dispose();
        _lock.Dispose();
    }

    private static FileStream AcquireLock(string directory)
    {
        var path = System.IO.Path.Combine(directory, LockFileName);
        try
        {
            // An exclusive handle: two writers appending to one journal would interleave records.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new KnowledgeStoreException($"The store at '{directory}' is already open ('{path}' is locked). Only one process may open a store at a time: close the other process or dispose the other KnowledgeIndex first.", path, ex);
        }
    }
}
