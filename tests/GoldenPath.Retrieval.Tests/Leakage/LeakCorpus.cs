using GoldenPath.Retrieval.Tests.Indexing;

namespace GoldenPath.Retrieval.Tests.Leakage;

/// <summary>A board-only plan and an employee handbook that share one confidentiality footer.</summary>
internal static class LeakCorpus
{
    public const string Footer = "This page is internal and must not be forwarded outside the company without written approval.";

    public const string MergerSentence = "The board approved the acquisition of Northwind Traders for forty two million dollars and will announce it at the June all hands";

    public const string CodenameSentence = "Inside the company the deal is called Project Bluebird and only the steering group may use that name";

    public const string HandbookSentence = "Request a replacement laptop through the service desk portal and keep the old one until the courier collects it";

    public static readonly PrincipalSet Employee = PrincipalSet.From(["user:bo", "group:employees"]);

    public static readonly PrincipalSet Board = PrincipalSet.From(["user:ana", "group:employees", "group:board"]);

    public static AclDocument Merger(params string[] acl) => Corpus.Document(
        "merger-plan",
        "Merger plan",
        $"# Decision\n{MergerSentence}.\n\n# Naming\n{CodenameSentence}.\n\n{Footer}",
        acl.Length == 0 ? ["group:board"] : acl);

    public static AclDocument Handbook() => Corpus.Document(
        "handbook",
        "Employee handbook",
        $"# Laptops\n{HandbookSentence}.\n\n{Footer}",
        ["group:employees"]);

    public static AclDocument Codename() => Corpus.Document(
        "codename-register",
        "Codename register",
        $"# Active\n{CodenameSentence}. Codenames are reassigned every year.",
        ["group:legal"]);

    /// <summary>The span from the first character of <paramref name="first"/> to the last of <paramref name="last"/> in <paramref name="answer"/>.</summary>
    public static (int Start, int Length) Span(string answer, string first, string last)
    {
        var start = answer.IndexOf(first, StringComparison.Ordinal);
        var end = answer.LastIndexOf(last, StringComparison.Ordinal) + last.Length;
        Assert.True(start >= 0 && end > start, "the expected words are in the answer");
        return (start, end - start);
    }
}
