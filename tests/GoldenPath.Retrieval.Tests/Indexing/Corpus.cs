namespace GoldenPath.Retrieval.Tests.Indexing;

/// <summary>A small knowledge base with one restricted document among public ones.</summary>
internal static class Corpus
{
    public static readonly PrincipalSet Employee = PrincipalSet.From(["user:bo", "group:employees"]);
    public static readonly PrincipalSet HrPartner = PrincipalSet.From(["user:ana", "group:employees", "group:hr"]);

    public static AclDocument Salaries(params string[] acl) => Document(
        "salary-bands",
        "Salary bands",
        "# Engineering\nThe senior engineer salary band ranges from 120k to 150k. Bands are reviewed every March.",
        acl.Length == 0 ? ["group:hr"] : acl);

    public static AclDocument Payroll() => Document(
        "payroll-calendar",
        "Payroll calendar",
        "Salary payments arrive on the 25th of each month. Public holidays move payments to the previous working day.",
        ["group:employees"]);

    public static AclDocument Vpn() => Document(
        "vpn-guide",
        "VPN guide",
        "Install the VPN client from the software centre and sign in with your badge number.",
        ["group:employees"]);

    public static AclDocument Document(string id, string title, string content, IReadOnlyList<string> acl) =>
        new(id, title, content, acl, id + ".md", "internal", DocumentFields.HashContent(content));

    public static KnowledgeIndex Index(params AclDocument[] documents)
    {
        var index = new KnowledgeIndex(new HashingEmbedder());
        foreach (var document in documents)
        {
            index.Upsert(document);
        }

        return index;
    }
}
