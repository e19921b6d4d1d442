namespace GoldenPath.Retrieval;

/// <summary>
/// A full copy of the store: header, SHA-256 over header and payload, then every document with its chunks.
/// Written once via temp file + fsync + rename and never modified.
/// </summary>
internal static class StoreSnapshot
{
    private static ReadOnlySpan<byte> Magic => "GPKSNAP1"u8;

    internal static void Write(string path, int dimensions, long generation, IReadOnlyCollection<StoredDocument> documents)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(documents.Count);
            foreach (var document in documents)
            {
                StoreCodec.WriteDocument(writer, document);
            }
        }

        var header = StoreFiles.Header(Magic, dimensions, generation);
        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length).ToArray();
        var checksum = StoreFiles.Sha256(header, body);
        StoreFiles.WriteAtomically(path, stream =>
        {
            stream.Write(header);
            stream.Write(checksum);
            stream.Write(body);
        });
    }

    /// <exception cref="KnowledgeStoreException">The dimensions or version do not match; never thrown for corruption.</exception>
    /// <returns>The documents, or <see langword="null"/> with <paramref name="problem"/> set when the file is damaged.</returns>
    internal static List<StoredDocument>? TryRead(string path, int dimensions, out string? problem)
    {
        var bytes = File.ReadAllBytes(path);
        const int prefix = StoreFiles.HeaderFieldsLength + 32;
        if (bytes.Length < prefix)
        {
            problem = $"it is truncated ({bytes.Length} bytes)";
            return null;
        }

        var header = bytes.AsSpan(0, StoreFiles.HeaderFieldsLength);
        var body = bytes.AsSpan(prefix);
        if (!StoreFiles.Sha256(header, body).AsSpan().SequenceEqual(bytes.AsSpan(StoreFiles.HeaderFieldsLength, 32)))
        {
            problem = "its SHA-256 checksum does not match its content (the file is truncated or corrupted)";
            return null;
        }

        StoreFiles.ReadHeader(header, Magic, dimensions, path, "snapshot");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, prefix, bytes.Length - prefix));
            var count = reader.ReadInt32();
            var documents = new List<StoredDocument>(Math.Max(0, count));
            for (var i = 0; i < count; i++)
            {
                documents.Add(StoreCodec.ReadDocument(reader, dimensions));
            }

            problem = null;
            return documents;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException)
        {
            problem = $"its content cannot be decoded ({ex.Message})";
            return null;
        }
    }
}
