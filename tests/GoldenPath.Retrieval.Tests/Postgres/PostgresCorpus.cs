namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>Small documents with distinct audiences for the store tests.</summary>
internal static class PostgresCorpus
{
    public static AclDocument Handbook(params string[] acl) => Document(
        "handbook",
        "Employee handbook",
        "# Laptops\nRequest a replacement laptop through the service desk portal.\n\n# Office hours\nThe office opens at eight and closes at six.",
        acl.Length == 0 ? ["group:employees"] : acl);

    public static AclDocument Salaries(params string[] acl) => Document(
        "salaries",
        "Salary bands",
        "# Bands\nSalary bands for engineers range from band three to band seven.\n\n# Reviews\nSalary reviews happen every March with the compensation committee.",
        acl.Length == 0 ? ["group:hr"] : acl);

    public static AclDocument Vpn() => Document(
        "vpn-setup",
        "VPN setup",
        "# Client\nInstall the VPN client and sign in with your badge certificate.",
        ["group:employees", "group:it"]);

    public static AclDocument Document(string id, string title, string content, IReadOnlyList<string> acl) =>
        new(id, title, content, acl, $"{id}.md", "internal", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))));
}
