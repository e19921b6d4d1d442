using System.Text;
using Microsoft.ML.Tokenizers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Blocks input with more model tokens than the policy allows. A tiktoken token is at least one UTF-8 byte, so
/// text with no more bytes than the limit is under it without counting; longer text is counted only up to the
/// limit, so a huge paste costs no more than a maximal one.
/// </summary>
internal sealed class TokenLimitRail(TokenLimitRailSettings settings) : IRail
{
    public const string Name = "token-limit";
    public const string Category = "too-many-tokens";

    private static readonly Lazy<Tokenizer> s_o200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> s_cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    private readonly Lazy<Tokenizer> _tokenizer = settings.Encoding switch
    {
        "cl100k_base" => s_cl100k,
        "o200k_base" => s_o200k,
        _ => throw new ArgumentException($"Unknown encoding \"{settings.Encoding}\"; use one of {string.Join(", ", TokenLimitRailSettings.Encodings)}.", nameof(settings)),
    };

    public void Evaluate(RailContext context)
    {
        if (settings.Action == RailAction.Allow || context.Stage != RailStage.Input)
        {
            return;
        }

        var text = context.Text.Raw;
        if (Encoding.UTF8.GetByteCount(text) <= settings.MaxTokens)
        {
            return;
        }

        // Tiktoken's byte-pair merge is quadratic in the length of one pre-tokenized word, and a hostile input is one
        // enormous word. Counting piece by piece, cut just before whitespace (where the encodings split anyway), keeps
        // the cost linear and stops at the limit; the count is exact except inside words longer than a piece.
        var tokenizer = _tokenizer.Value;
        var remaining = settings.MaxTokens;
        var position = 0;
        while (position < text.Length)
        {
            var end = PieceEnd(text, position);
            var piece = text.AsSpan(position, end - position);

            // The index after the last whole token that fits; anything beyond it is over the limit.
            var used = 0;
            var fits = remaining > 0 ? tokenizer.GetIndexByTokenCount(piece, remaining, out _, out used) : 0;
            if (fits < piece.Length)
            {
                context.Report(Name, settings.Action, Category, 1.0, [new EvidenceSpan(position + fits, text.Length - position - fits)]);
                return;
            }

            remaining -= used;
            position = end;
        }
    }

    private const int PieceCharacters = 256;

    private static int PieceEnd(string text, int start)
    {
        var end = Math.Min(text.Length, start + PieceCharacters);
        if (end == text.Length)
        {
            return end;
        }

        var window = text.AsSpan(start + (PieceCharacters / 2), end - start - (PieceCharacters / 2));
        var space = window.LastIndexOfAny(' ', '\n', '\t');
        return space > 0 ? start + (PieceCharacters / 2) + space : end;
    }
}
