namespace GoldenPath.Guardrails;

/// <summary>The words of a folded text as hashes, with the character range of each.</summary>
internal sealed class WordSequence
{
    private WordSequence(ulong[] hashes, int[] starts, int[] ends, int count)
    {
        Hashes = hashes;
        Starts = starts;
        Ends = ends;
        Count = count;
    }

    public ulong[] Hashes { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public int Count { get; }

    public static WordSequence Of(string text)
    {
        // A word takes at least two characters (a letter and a separator), except the last.
        var capacity = (text.Length / 2) + 1;
        var hashes = new ulong[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        var count = 0;
        var words = new WordScanner(text);
        while (words.MoveNext())
        {
            hashes[count] = ContentWords.Hash(words.Current);
            starts[count] = words.Start;
            ends[count] = words.Start + words.Length;
            count++;
        }

        return new WordSequence(hashes, starts, ends, count);
    }
}
