namespace GoldenPath.Fast.Tests.Evaluation.Labelled;

/// <summary>One response with what a careful reviewer says it is.</summary>
internal sealed record LabelledResponse(string Id, int Line, string AttackPrompt, string Response, int StatusCode, IReadOnlyDictionary<string, bool> Labels);
