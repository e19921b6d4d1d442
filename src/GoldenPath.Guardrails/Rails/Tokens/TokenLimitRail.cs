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

        // The index after the last whole token that fits; anything beyond it is over the limit.
        var fits = _tokenizer.Value.GetIndexByTokenCount(text, settings.MaxTokens, out _, out _);
        if (fits >= text.Length)
        {
            return;
        }

        context.Report(Name, settings.Action, Category, 1.0, [new EvidenceSpan(fits, text.Length - fits)]);
    }
}
