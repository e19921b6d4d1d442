using Microsoft.ML.Tokenizers;

namespace GoldenPath.AspNetCore.Limits;

/// <summary>
/// Counts tokens the way the model bills them, with the model's own encoding (o200k_base by default), offline.
/// </summary>
public sealed class TokenCounter(Tokenizer tokenizer)
{
    public static TokenCounter ForModel(string model) => new(TiktokenTokenizer.CreateForModel(model));

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : tokenizer.CountTokens(text);
}
