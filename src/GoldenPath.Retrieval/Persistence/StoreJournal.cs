using System.Buffers.Binary;

namespace GoldenPath.Retrieval;

/// <summary>
/// The append-only log of changes since a snapshot. Each record is <c>magic, length, payload, SHA-256(length ‖ payload)</c>
/// and is flushed to disk before the change becomes visible, so an acknowledged write survives a crash.
/// </summary>
internal sealed class StoreJournal : IDisposable
{
    private const int RecordOverhead = 8 + 32;
    private const uint RecordMagic = 0x3152_4B47; // "GKR1" little-endian

    private static ReadOnlySpan<byte> Magic => "GPKJRNL1"u8;

    private static int HeaderLength => StoreFiles.HeaderFieldsLength + 32;

    private readonly FileStream _stream;

    private StoreJournal(FileStream stream, int records)
    {
        _stream = stream;
        RecordCount = records;
    }

    internal int RecordCount { get; private set; }

    internal string Path => _stream.Name;

    /// <summary>Creates an empty journal atomically and opens it for appending.</summary>
    internal static StoreJournal Create(string path, int dimensions, long generation)
    {
        var header = StoreFiles.Header(Magic, dimensions, generation);
        StoreFiles.WriteAtomically(path, stream =>
        {
            stream.Write(header);
            stream.Write(StoreFiles.Sha256(header, []));
        });
        return OpenForAppend(path, HeaderLength, 0);
    }

    /// <summary>Opens an existing journal for appending, cutting off a torn tail found by <see cref="Read"/>.</summary>
    internal static StoreJournal OpenForAppend(string path, long validLength, int records)
    {
        FileStream stream;
        try
        {
            // FileShare.Read: a second process writing the same store would interleave records.
            stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        }
        catch (IOException ex)
        {
            throw new KnowledgeStoreException($"The journal '{path}' is open for writing in another process. Close the other process (only one writer may hold a store), or open a copy of the directory.", path, ex);
        }

        if (stream.Length != validLength)
        {
            stream.SetLength(validLength);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        return new StoreJournal(stream, records);
    }

    /// <summary>Appends one record and flushes it to disk; on failure the file is cut back so no partial record remains.</summary>
    internal void Append(byte[] payload)
    {
        var record = new byte[RecordOverhead + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), payload.Length);
        payload.CopyTo(record, 8);
        StoreFiles.Sha256(record.AsSpan(4, 4), payload).CopyTo(record, 8 + payload.Length);

        var before = _stream.Length;
        try
        {
            _stream.Write(record);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            _stream.SetLength(before);
            throw;
        }

        RecordCount++;
    }

    /// <summary>
    /// Reads every intact record. An incomplete or damaged final record is what an interrupted write leaves: it is
    /// skipped and described in <paramref name="warning"/>. Damage followed by intact records is real corruption and
    /// throws, because skipping it would silently lose an acknowledged change.
    /// </summary>
    /// <exception cref="KnowledgeStoreException">The header or a record before the last one is damaged, or the dimensions differ.</exception>
    internal static List<StoreRecord> Read(string path, int dimensions, out long validLength, out string? warning)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength
            || !StoreFiles.Sha256(bytes.AsSpan(0, StoreFiles.HeaderFieldsLength), []).AsSpan().SequenceEqual(bytes.AsSpan(StoreFiles.HeaderFieldsLength, 32)))
        {
            throw new KnowledgeStoreException($"The journal '{path}' has a damaged header, so none of its changes can be trusted. {StoreFiles.RecoveryFix}", path);
        }

        StoreFiles.ReadHeader(bytes.AsSpan(0, StoreFiles.HeaderFieldsLength), Magic, dimensions, path, "journal");

        var records = new List<StoreRecord>();
        var offset = HeaderLength;
        warning = null;
        while (offset < bytes.Length)
        {
            if (TryRecordAt(bytes, offset, out var length))
            {
                try
                {
                    records.Add(StoreCodec.DecodeRecord(bytes.AsSpan(offset + 8, length).ToArray(), dimensions));
                }
                catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException)
                {
                    throw new KnowledgeStoreException($"The journal '{path}' has a record at byte {offset} whose checksum matches but whose content cannot be decoded ({ex.Message}). {StoreFiles.RecoveryFix}", path, ex);
                }

                offset += RecordOverhead + length;
                continue;
            }

            for (var next = offset + 1; next + RecordOverhead <= bytes.Length; next++)
            {
                if (TryRecordAt(bytes, next, out _))
                {
                    throw new KnowledgeStoreException($"The journal '{path}' is corrupted at byte {offset}: the record there fails its SHA-256 check but intact records follow, so this is damage, not an interrupted write. {StoreFiles.RecoveryFix}", path);
                }
            }

            warning = $"Ignored an incomplete last record in '{path}' at byte {offset} ({bytes.Length - offset} bytes), left by an interrupted write; every change before it was kept. The change it held was never acknowledged: re-run the ingestion that was interrupted.";
            break;
        }

        validLength = offset;
        return records;
    }

    private static bool TryRecordAt(byte[] bytes, int offset, out int length)
    {
        length = 0;
        if (offset + RecordOverhead > bytes.Length || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) != RecordMagic)
        {
            return false;
        }

        length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
        if (length < 0 || length > bytes.Length - offset - RecordOverhead)
        {
            return false;
        }

        var checksum = StoreFiles.Sha256(bytes.AsSpan(offset + 4, 4), bytes.AsSpan(offset + 8, length));
        return checksum.AsSpan().SequenceEqual(bytes.AsSpan(offset + 8 + length, 32));
    }

    public void Dispose() => _stream.Dispose();
}
