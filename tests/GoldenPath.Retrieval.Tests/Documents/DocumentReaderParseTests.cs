using System.Security.Cryptography;
using System.Text;

namespace GoldenPath.Retrieval.Tests.Documents;

public sealed class DocumentReaderParseTests
{
    private const string Valid = """
        ---
        id: travel-policy
        title: Travel policy
        acl: [GROUP:employees, role:travel-admin]
        ---
        # Booking

        Book flights through the portal.
        """;

    [Fact]
    public void Parse_ReadsFrontMatterAndBody()
    {
        var document = DocumentReader.Parse(Valid, "policies/travel.md");

        Assert.Equal("travel-policy", document.Id);
        Assert.Equal("Travel policy", document.Title);
        Assert.Equal(["group:employees", "role:travel-admin"], document.Acl);
        Assert.Equal("internal", document.Classification);
        Assert.Equal("policies/travel.md", document.Source);
        Assert.Equal("# Booking\n\nBook flights through the portal.", document.Content);
    }

    [Fact]
    public void Parse_ContentHashIsSha256OfTheBodyOnly()
    {
        var document = DocumentReader.Parse(Valid, "travel.md");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Content)));

        Assert.Equal(expected, document.ContentHash);
        Assert.DoesNotContain("acl", document.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContentHashIgnoresLineEndingsAndByteOrderMark()
    {
        var lf = DocumentReader.Parse(Valid, "travel.md");
        var crlf = DocumentReader.Parse("\uFEFF" + Valid.ReplaceLineEndings("\r\n"), "travel.md");

        Assert.Equal(lf.ContentHash, crlf.ContentHash);
        Assert.Equal(lf.Content, crlf.Content);
    }

    [Fact]
    public void Parse_ChangedBodyChangesContentHash()
    {
        var before = DocumentReader.Parse(Valid, "travel.md");
        var after = DocumentReader.Parse(Valid + " Economy only.", "travel.md");

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public void Parse_AcceptsBlockListAclAndClassification()
    {
        var document = DocumentReader.Parse("""
            ---
            id: salaries.2025
            title: Salary bands
            classification: Confidential
            acl:
              - group:hr
              - user:ana
            owner: people-team
            ---
            Bands are reviewed yearly.
            """, "salaries.markdown");

        Assert.Equal(["group:hr", "user:ana"], document.Acl);
        Assert.Equal("confidential", document.Classification);
    }

    [Fact]
    public void Parse_ReadsJsonBySourceExtension()
    {
        var document = DocumentReader.Parse("""
            {
              "id": "vpn-guide",
              "title": "VPN guide",
              "acl": ["group:employees"],
              "classification": "internal",
              "content": "Install the VPN client.\r\nSign in with your badge."
            }
            """, "it/vpn.JSON");

        Assert.Equal("vpn-guide", document.Id);
        Assert.Equal(["group:employees"], document.Acl);
        Assert.Equal("Install the VPN client.\nSign in with your badge.", document.Content);
    }

    public static TheoryData<string, int, string> MarkdownRejections => new()
    {
        { "Just a body without front matter.", 1, "no front matter" },
        { "---\nid: a\ntitle: A\nacl: [group:x]\nBody never closes.", 1, "never closed" },
        { "---\nid: a\ntitle: A\n---\nBody.", 1, "add `acl: [group:employees]` to the front matter; deny-by-default means a document without an ACL is never indexed" },
        { "---\nid: a\ntitle: A\nacl: []\n---\nBody.", 4, "`acl` is empty" },
        { "---\nid: a\ntitle: A\nacl:\n---\nBody.", 4, "`acl` is empty" },
        { "---\nid: a\ntitle: A\nacl: group:employees\n---\nBody.", 4, "`acl` must be a list" },
        { "---\nid: a\ntitle: A\nacl:\n  - group:employees\n  - team:x\n---\nBody.", 6, "'team:x' has an unknown kind" },
        { "---\nid: a\ntitle: A\nacl: [\"*\"]\n---\nBody.", 4, "spell the audience out as a group" },
        { "---\nid: a\ntitle: A\nacl:\n  - everyone\n---\nBody.", 5, "spell the audience out as a group" },
        { "---\ntitle: A\nacl: [group:x]\n---\nBody.", 1, "missing `id`" },
        { "---\nid: Travel Policy\ntitle: A\nacl: [group:x]\n---\nBody.", 2, "id 'Travel Policy' is invalid" },
        { "---\nid: a\nacl: [group:x]\n---\nBody.", 1, "missing `title`" },
        { "---\nid: a\ntitle:\nacl: [group:x]\n---\nBody.", 3, "missing `title`" },
        { "---\nid: a\ntitle: A\nacl: [group:x\n---\nBody.", 5, "not valid YAML" },
        { "---\nid: a\ntitle: [A\nacl: [group:x]\n---\nBody.", 1, "unterminated [ ]" },
        { "---\nid: a\ntitle: A: B\nacl: [group:x]\n---\nBody.", 3, "not valid YAML" },
        { "---\nid: a\nid: b\ntitle: A\nacl: [group:x]\n---\nBody.", 3, "not valid YAML" },
        { "---\nid: a\ntitle: A\nacl: [group:x]\n---\n\n  \n", 6, "no content" },
        { "---\nid: a\ntitle: A\nclassification: top secret\nacl: [group:x]\n---\nBody.", 4, "classification 'top secret' is invalid" },
        { "---\n- id\n- title\n---\nBody.", 2, "must be `key: value` lines" },
    };

    [Theory]
    [MemberData(nameof(MarkdownRejections))]
    public void Parse_RejectsMarkdownWithFileLineAndFix(string text, int line, string reason)
    {
        var ex = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Parse(text, "kb/doc.md"));

        Assert.Equal("kb/doc.md", ex.Source);
        Assert.Equal(line, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"kb/doc.md:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> JsonRejections => new()
    {
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"content\": \"Body.\"\n}", 1, "add `\"acl\": [\"group:employees\"]` to the JSON object" },
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"acl\": [],\n  \"content\": \"Body.\"\n}", 4, "`acl` is empty" },
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"acl\": [\n    \"group:x\",\n    \"all\"\n  ],\n  \"content\": \"Body.\"\n}", 6, "spell the audience out as a group" },
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"acl\": \"group:x\",\n  \"content\": \"Body.\"\n}", 4, "must be an array" },
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\"\n  \"acl\": [\"group:x\"]\n}", 4, "not valid JSON" },
        { "[1, 2]", 1, "must be one object" },
        { "{\n  \"id\": 7,\n  \"title\": \"A\",\n  \"acl\": [\"group:x\"],\n  \"content\": \"Body.\"\n}", 2, "\"id\" must be a string" },
        { "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"acl\": [\"group:x\"]\n}", 1, "no content" },
    };

    [Theory]
    [MemberData(nameof(JsonRejections))]
    public void Parse_RejectsJsonWithFileLineAndFix(string text, int line, string reason)
    {
        var ex = Assert.Throws<DocumentRejectedException>(() => DocumentReader.Parse(text, "kb/doc.json"));

        Assert.Equal("kb/doc.json", ex.Source);
        Assert.Equal(line, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }
}
