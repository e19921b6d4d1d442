using System.Buffers.Binary;

namespace GoldenPath.Guardrails;

/// <summary>
/// The model file: a header (magic <c>GPIM</c>, format version, featurizer and window parameters, bias and
/// calibration), the non-zero weights as delta-coded bucket numbers with half-precision values, and an FNV-1a
/// 64-bit checksum of everything before it. Most buckets are never seen in training, so the sparse form keeps
/// the file a fraction of the dense size. Little-endian throughout.
/// </summary>
internal static class InjectionModelFile
{
    /// <summary>
    /// Names the featurizer as well as the layout: weights only mean something for the features they were trained
    /// on. Version 2 weighted words, split ideographic text into characters and floored the vector length;
    /// version 3 reads a window's words from the whole text, so a word cut by a window edge is left out.
    /// </summary>
    public const int FormatVersion = 3;

    private static ReadOnlySpan<byte> Magic => "GPIM"u8;

    public static void Write(InjectionModel model, Stream stream)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write((ushort)FormatVersion);
            writer.Write((byte)NgramFeaturizer.BucketBits);
            writer.Write((ushort)model.WindowLength);
            writer.Write((ushort)model.WindowStride);
            writer.Write((Half)model.Bias);
            writer.Write(model.Scale);
            writer.Write(model.Offset);

            var weights = model.Weights;
            var nonZero = 0;
            foreach (var weight in weights)
            {
                nonZero += weight != 0 ? 1 : 0;
            }

            writer.Write(nonZero);
            var previous = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] == 0)
                {
                    continue;
                }

                writer.Write7BitEncodedInt(i - previous);
                writer.Write((Half)weights[i]);
                previous = i;
            }
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        stream.Write(bytes);
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Checksum(bytes));
        stream.Write(checksum);
    }

    public static InjectionModel Read(Stream stream, string source)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (bytes.Length < Magic.Length + 8 || !bytes.StartsWith(Magic))
        {
            throw Invalid(source, "it is not a GoldenPath injection model (bad header)");
        }

        var body = bytes[..^8];
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) != Checksum(body))
        {
            throw Invalid(source, "its checksum does not match (truncated or corrupt)");
        }

        using var reader = new BinaryReader(new MemoryStream(body.ToArray()));
        reader.ReadBytes(Magic.Length);
        var version = reader.ReadUInt16();
        if (version != FormatVersion)
        {
            throw Invalid(source, $"its format version is {version}, this library reads version {FormatVersion}");
        }

        var bits = reader.ReadByte();
        if (bits != NgramFeaturizer.BucketBits)
        {
            throw Invalid(source, $"it was trained with 2^{bits} buckets, this library hashes into 2^{NgramFeaturizer.BucketBits}");
        }

        try
        {
            var windowLength = reader.ReadUInt16();
            var windowStride = reader.ReadUInt16();
            var bias = (float)reader.ReadHalf();
            var scale = reader.ReadSingle();
            var offset = reader.ReadSingle();
            var count = reader.ReadInt32();
            var weights = new float[1 << bits];
            var index = -1;
            for (var i = 0; i < count; i++)
            {
                index += reader.Read7BitEncodedInt();
                weights[index] = (float)reader.ReadHalf();
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw Invalid(source, "it has data after the last weight");
            }

            return new InjectionModel(weights, bias, scale, offset, windowLength, windowStride);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            throw Invalid(source, "its weights are malformed");
        }
    }

    private static InvalidDataException Invalid(string source, string reason) =>
        new($"Cannot load the injection model '{source}': {reason}. Fix: regenerate it with build/train-guardrails.sh.");

    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
