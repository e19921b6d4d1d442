using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Finds an instruction hidden after a wall of filler. The text is cut into whitespace-separated tokens; a token
/// is filler when it repeats (three or more times), belongs to lorem-ipsum vocabulary, or is a long run of one
/// encoding alphabet (base64, hex, one repeated character). The rail fires when a stretch of at least
/// <see cref="ContextOverflowRailSettings.MinFillerCharacters"/> is almost all filler and of low diversity, and
/// is followed by a short tail made mostly of words the filler never used.
/// </summary>
/// <remarks>
/// Real documents, logs and source files repeat words too, but they keep many one-off tokens (names,
/// timestamps, identifiers), so their share of filler characters and their type/token ratio stay well above
/// the limits below.
/// </remarks>
internal sealed class ContextOverflowRail(ContextOverflowRailSettings settings) : IRail
{
    public const string Name = "context-overflow";
    public const string Category = "context-overflow";

    /// <summary>Consecutive filler tokens that make a solid block of padding.</summary>
    private const int SolidRun = 5;
    private const int MinTailTokens = 3;
    private const int MinTailCharacters = 12;
    private const int MaxTailCharacters = 1_000;
    private const int LongRun = 64;

    /// <summary>The share of the filler's characters that must be in filler tokens.</summary>
    private const double MinFillerShare = 0.85;

    /// <summary>Distinct tokens per token below which repetitive filler counts as low-diversity.</summary>
    private const double MaxTypeTokenRatio = 0.2;

    /// <summary>The share of the tail's tokens that must be absent from the filler.</summary>
    private const double MinNovelTail = 0.5;

    private static readonly SearchValues<char> s_encodingAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-");

    public void Evaluate(RailContext context)
    {
        if (settings.Action == RailAction.Allow || context.Stage != RailStage.Input)
        {
            return;
        }

        var view = context.Text.Clean;
        var text = view.Text;
        if (text.Length < settings.MinFillerCharacters + MinTailCharacters)
        {
            return;
        }

        if (!MayHideFiller(text))
        {
            return;
        }

        var tokens = Tokenize(text);
        var filler = Classify(tokens, text);
        if (FindFillerEnd(filler, tokens) is not { } end || end > tokens.Count - MinTailTokens)
        {
            return;
        }

        var tailStart = tokens.Starts[end];
        var tailLength = text.Length - tailStart;
        if (tailLength is < MinTailCharacters or > MaxTailCharacters)
        {
            return;
        }

        var start = FindFillerStart(filler, end);
        var fillerChars = tokens.Starts[end - 1] + tokens.Lengths[end - 1] - tokens.Starts[start];
        if (fillerChars < settings.MinFillerCharacters || tailLength * 2 > fillerChars)
        {
            return;
        }

        if (IsLowDiversity(tokens, filler, text, start, end, out var share) && IsNovelTail(tokens, start, end))
        {
            context.Report(Name, settings.Action, Category, share, [view.ToRaw(tailStart, tailLength)]);
        }
    }

    /// <summary>
    /// A cheap screen that lets ordinary long text skip the full analysis. Whatever the split, the filler must
    /// cover the stretch that ends where the longest allowed tail could begin; real filler there repeats text
    /// found elsewhere, has few distinct tokens, or is lorem ipsum or an encoded run.
    /// </summary>
    private bool MayHideFiller(string text)
    {
        var windowStart = text.Length - MinTailCharacters - settings.MinFillerCharacters;
        var windowEnd = text.Length - MaxTailCharacters - LongRun;
        if (windowEnd - windowStart < 256)
        {
            // Short minimum filler: no stretch is certain to be filler, so analyse everything.
            return true;
        }

        var window = text.AsSpan(windowStart, windowEnd - windowStart);
        const int ProbeLength = 24;
        var probe = window[..ProbeLength];
        if (text.AsSpan(windowStart + 1).IndexOf(probe, StringComparison.Ordinal) >= 0
            || text.AsSpan(0, windowStart + ProbeLength - 1).IndexOf(probe, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var distinct = new KeySet(window.Length / 4);
        var count = 0;
        var lorem = 0;
        var encoded = 0;
        foreach (var range in window.SplitAny(" \t\r\n"))
        {
            var token = window[range];
            if (token.IsEmpty)
            {
                continue;
            }

            count++;
            distinct.Add(ContentWords.Hash(token));
            lorem += LoremWords.Contains(token) ? 1 : 0;
            encoded += IsLongEncodedRun(token) ? token.Length : 0;
        }

        return count <= 3 || distinct.Count * 2 <= count || lorem * 3 >= count || encoded * 3 >= window.Length;
    }

    private static Tokens Tokenize(string text)
    {
        var tokens = new Tokens((text.Length / 2) + 1);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            var hash = 14695981039346656037UL;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                i++;
            }

            tokens.Add(start, i - start, hash);
        }

        return tokens;
    }

    private static bool[] Classify(Tokens tokens, string text)
    {
        var counts = new Dictionary<ulong, int>(Math.Min(tokens.Count, 4096));
        for (var i = 0; i < tokens.Count; i++)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, tokens.Hashes[i], out _);
            count++;
        }

        var filler = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = text.AsSpan(tokens.Starts[i], tokens.Lengths[i]);
            filler[i] = counts[tokens.Hashes[i]] >= 3 || LoremWords.Contains(token) || IsLongEncodedRun(token);
        }

        return filler;
    }

    private static bool IsLongEncodedRun(ReadOnlySpan<char> token) =>
        token.Length >= LongRun && !token.ContainsAnyExcept(s_encodingAlphabet);

    /// <summary>The token index just after the last solid block of filler, or null when there is none.</summary>
    private static int? FindFillerEnd(bool[] filler, Tokens tokens)
    {
        int? end = null;
        var run = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            // One long encoded or repeated-character run is a solid block on its own.
            run = !filler[i] ? 0 : tokens.Lengths[i] >= LongRun ? SolidRun : run + 1;
            if (run >= SolidRun)
            {
                end = i + 1;
            }
        }

        return end;
    }

    /// <summary>Walks back from the end of the filler to the first gap of real text (a run of non-filler tokens).</summary>
    private static int FindFillerStart(bool[] filler, int end)
    {
        var gap = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            gap = filler[i] ? 0 : gap + 1;
            if (gap >= SolidRun)
            {
                return i + SolidRun;
            }
        }

        return 0;
    }

    private static bool IsLowDiversity(Tokens tokens, bool[] filler, string text, int start, int end, out double share)
    {
        long fillerChars = 0;
        long allChars = 0;
        long loremTokens = 0;
        long encodedChars = 0;
        var distinct = new HashSet<ulong>();
        for (var i = start; i < end; i++)
        {
            var length = tokens.Lengths[i];
            var token = text.AsSpan(tokens.Starts[i], length);
            allChars += length;
            fillerChars += filler[i] ? length : 0;
            loremTokens += LoremWords.Contains(token) ? 1 : 0;
            encodedChars += IsLongEncodedRun(token) ? length : 0;
            distinct.Add(tokens.Hashes[i]);
        }

        share = (double)fillerChars / allChars;
        var count = end - start;
        return share >= MinFillerShare
            && ((double)distinct.Count / count <= MaxTypeTokenRatio
                || loremTokens * 2 >= count
                || encodedChars * 2 >= allChars);
    }

    private static bool IsNovelTail(Tokens tokens, int start, int end)
    {
        var fillerVocabulary = new HashSet<ulong>(tokens.Hashes.AsSpan(start, end - start).ToArray());
        var novel = 0;
        for (var i = end; i < tokens.Count; i++)
        {
            novel += fillerVocabulary.Contains(tokens.Hashes[i]) ? 0 : 1;
        }

        return novel >= MinNovelTail * (tokens.Count - end);
    }

    private sealed class Tokens(int capacity)
    {
        public int[] Starts { get; } = new int[capacity];

        public int[] Lengths { get; } = new int[capacity];

        public ulong[] Hashes { get; } = new ulong[capacity];

        public int Count { get; private set; }

        public void Add(int start, int length, ulong hash)
        {
            Starts[Count] = start;
            Lengths[Count] = length;
            Hashes[Count] = hash;
            Count++;
        }
    }
}
