using System.Runtime.InteropServices;

namespace GoldenPath.Retrieval;

/// <summary>The binary encoding of documents and journal records (little-endian, length-prefixed UTF-8 strings).</summary>
internal static class StoreCodec
{
    private const byte UpsertKind = 1;
    private const byte RemoveKind = 2;

    internal static byte[] EncodeRecord(StoreRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            if (record.Upsert is { } document)
            {
                writer.Write(UpsertKind);
                WriteDocument(writer, document);
            }
            else
            {
                writer.Write(RemoveKind);
                writer.Write(record.DocumentId);
            }
        }

        return buffer.ToArray();
    }

    internal static StoreRecord DecodeRecord(byte[] payload, int dimensions)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        return reader.ReadByte() switch
        {
            UpsertKind => ReadDocument(reader, dimensions) is var document ? new StoreRecord(document.Document.Id, document) : default,
            RemoveKind => new StoreRecord(reader.ReadString(), null),
            var kind => throw new InvalidDataException($"unknown record kind {kind}"),
        };
    }

    internal static void WriteDocument(BinaryWriter writer, StoredDocument stored)
    {
        var document = stored.Document;
        writer.Write(document.Id);
        writer.Write(document.Title);
        writer.Write(document.Content);
        writer.Write(document.Source);
        writer.Write(document.Classification);
        writer.Write(document.ContentHash);
        writer.Write(document.Acl.Count);
        foreach (var principal in document.Acl)
        {
            writer.Write(principal);
        }

        writer.Write(stored.Chunks.Count);
        foreach (var chunk in stored.Chunks)
        {
            writer.Write(chunk.Ordinal);
            writer.Write(chunk.HeadingPath);
            writer.Write(chunk.Text);
            writer.Write(chunk.FlagReason is not null);
            if (chunk.FlagReason is not null)
            {
                writer.Write(chunk.FlagReason);
            }

            writer.Write(MemoryMarshal.AsBytes(chunk.Vector.AsSpan()));
        }
    }

    internal static StoredDocument ReadDocument(BinaryReader reader, int dimensions)
    {
        var id = reader.ReadString();
        var title = reader.ReadString();
        var content = reader.ReadString();
        var source = reader.ReadString();
        var classification = reader.ReadString();
        var contentHash = reader.ReadString();
        var acl = new string[Count(reader)];
        for (var i = 0; i < acl.Length; i++)
        {
            acl[i] = reader.ReadString();
        }

        var chunks = new StoredChunk[Count(reader)];
        for (var i = 0; i < chunks.Length; i++)
        {
            var ordinal = reader.ReadInt32();
            var heading = reader.ReadString();
            var text = reader.ReadString();
            var flag = reader.ReadBoolean() ? reader.ReadString() : null;
            var vector = new float[dimensions];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vector.AsSpan()));
            chunks[i] = new StoredChunk(ordinal, heading, text, flag, vector);
        }

        return new StoredDocument(new AclDocument(id, title, content, acl, source, classification, contentHash), chunks);
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length ? count : throw new InvalidDataException($"invalid count {count}");
    }
}
