namespace RagChatbot._1.Tests.Fast;

/// <summary>Which model a security scan runs against.</summary>
/// <param name="Name">Names the report folder and the test case.</param>
/// <param name="Provider">The <c>GoldenPath:Model:Provider</c> setting for the scan.</param>
public sealed record ScanMode(string Name, string Provider)
{
    /// <summary>The model the app is configured with (offline in tests): measures what a normal model plus the controls does.</summary>
    public static readonly ScanMode Normal = new("normal", "Offline");

    /// <summary>
    /// A model that obeys every instruction it sees, in the question and in retrieved documents. What still does not
    /// leak is what the guardrails and access control contain on their own.
    /// </summary>
    public static readonly ScanMode AssumeBreach = new("assume-breach", "CompromisedSimulator");

    public override string ToString() => Name;
}
