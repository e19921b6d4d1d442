namespace GoldenPath.Guardrails;

/// <summary>A policy loaded into a <see cref="GuardrailPolicyStore"/>.</summary>
/// <param name="Id">The policy's <c>"version"</c> field. Once loaded, an id always names the same content.</param>
/// <param name="ContentHash">
/// Lower-case hex SHA-256 of the document's bytes as read (file or embedded resource), so an auditor can match a
/// verdict's version to the exact file that produced it.
/// </param>
/// <param name="Source">Where the document came from: a file path, or a label given to <see cref="GuardrailPolicyStore.Add"/>.</param>
/// <param name="LoadedAt">When the store first loaded this version.</param>
public sealed record PolicyVersion(string Id, string ContentHash, string Source, DateTimeOffset LoadedAt);
