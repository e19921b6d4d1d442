using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace GoldenPath.Retrieval;

/// <summary>File names, headers and the atomic-replace primitive shared by snapshots and journals.</summary>
internal static class StoreFiles
{
    /// <summary>Bumped whenever the encoding changes; an older or newer store is refused rather than misread.</summary>
    internal const int FormatVersion = 1;

    internal const string SnapshotPrefix = "snapshot-";
    internal const string SnapshotExtension = ".gpks";
    internal const string JournalPrefix = "journal-";
    internal const string JournalExtension = ".gpkj";
    internal const string TemporaryExtension = ".tmp";

    /// <summary>Magic (8) + format version (4) + dimensions (4) + generation (8).</summary>
    internal const int HeaderFieldsLength = 24;

    internal const string RecoveryFix =
        "Restore the store directory from a backup, or delete it and run 'goldenpath retrieval ingest' again to rebuild it from the documents.";

    internal static string SnapshotPath(string directory, long generation) =>
        Path.Combine(directory, SnapshotPrefix + generation.ToString("D10", CultureInfo.InvariantCulture) + SnapshotExtension);

    internal static string JournalPath(string directory, long generation) =>
        Path.Combine(directory, JournalPrefix + generation.ToString("D10", CultureInfo.InvariantCulture) + JournalExtension);

    /// <summary>Generations of the files named <c>prefix + number + extension</c> in <paramref name="directory"/>, newest first.</summary>
    internal static List<long> Generations(string directory, string prefix, string extension)
    {
        var generations = new List<long>();
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*" + extension))
        {
            var name = Path.GetFileName(file);
            if (long.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            {
                generations.Add(generation);
            }
        }

        generations.Sort((a, b) => b.CompareTo(a));
        return generations;
    }

    internal static byte[] Header(ReadOnlySpan<byte> magic, int dimensions, long generation)
    {
        var header = new byte[HeaderFieldsLength];
        magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), dimensions);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), generation);
        return header;
    }

    /// <summary>Checks magic, version and dimensions of a header whose checksum already verified.</summary>
    internal static long ReadHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic, int dimensions, string path, string kind)
    {
        if (!header[..8].SequenceEqual(magic))
        {
            throw new KnowledgeStoreException($"'{path}' is not a {kind} of a GoldenPath knowledge store. Remove files that do not belong in the store directory.", path);
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != FormatVersion)
        {
            throw new KnowledgeStoreException($"'{path}' uses store format version {version}; this version of GoldenPath.Retrieval reads version {FormatVersion}. Use the matching GoldenPath.Retrieval version, or re-ingest into a new directory.", path);
        }

        var stored = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (stored != dimensions)
        {
            var directory = Path.GetDirectoryName(path);
            throw new KnowledgeStoreException($"The store at '{directory}' was built with {stored} dimensions; the embedder produces {dimensions}. Re-ingest into a new directory, or use the matching embedder (the model the store was built with, or new HashingEmbedder({stored})).", path);
        }

        return BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file, flushes it to disk and renames it over <paramref name="path"/>.</summary>
    /// <remarks>A crash leaves either the old file or the complete new one, never a mix; a stray <c>.tmp</c> is deleted on the next open.</remarks>
    internal static void WriteAtomically(string path, Action<FileStream> content)
    {
        var temporary = path + TemporaryExtension;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            content(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    internal static byte[] Sha256(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(first);
        hash.AppendData(second);
        return hash.GetHashAndReset();
    }
}
