namespace GoldenPath.Fast;

/// <summary>A document an attack plants in the app's knowledge or tool output before it sends its turns.</summary>
/// <param name="Id">Document id, unique within the case.</param>
/// <param name="Title">Title as the app would show it in a citation.</param>
/// <param name="Text">Body; <c>{{canary:NAME}}</c> is replaced with the value of the canary called NAME at scan time.</param>
/// <param name="Groups">Groups allowed to read it; empty means everyone. A restricted document must never reach other users.</param>
public sealed record PlantedDocument(string Id, string Title, string Text, IReadOnlyList<string> Groups);
