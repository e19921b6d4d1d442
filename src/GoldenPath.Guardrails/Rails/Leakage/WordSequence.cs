namespace GoldenPath.Guardrails;

/// <summary>The words of a folded text as hashes, with the character range of each.</summary>
internal sealed class WordSequence
{
    private ulong[] _hashes;
    private int[] _starts;
    private int[] _ends;

    private WordSequence(int capacity)
    {
        _hashes = new ulong[capacity];
        _starts = new int[capacity];
        _ends = new int[capacity];
    }

    /// <summary>Word hashes; only the first <see cref="Count"/> are words.</summary>
    public ulong[] Hashes => _hashes;

    public int[] Starts => _starts;

    public int[] Ends => _ends;

    public int Count { get; private set; }

    public static WordSequence Of(string text)
    {
        // English averages about six characters per word with its space; grow if the text is denser.
        var sequence = new WordSequence((text.Length / 5) + 8);
        var words = new WordScanner(text);
        while (words.MoveNext())
        {
            sequence.Add(ContentWords.Hash(words.Current), words.Start, words.Start + words.Length);
        }

        return sequence;
    }

    private void Add(ulong hash, int start, int end)
    {
        if (Count == _hashes.Length)
        {
            var size = _hashes.Length * 2;
            Array.Resize(ref _hashes, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }

        _hashes[Count] = hash;
        _starts[Count] = start;
        _ends[Count] = end;
        Count++;
    }
}
