using System.Numerics.Tensors;

namespace GoldenPath.Retrieval.Tests.Indexing;

public sealed class KnowledgeIndexTests
{
    private const string SalaryQuery = "senior engineer salary band ranges";

    [Fact]
    public void Search_PermittedCallerFindsTheRestrictedDocument()
    {
        var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll(), Corpus.Vpn());

        var results = index.Search(SalaryQuery, Corpus.HrPartner);

        Assert.Equal("salary-bands", results[0].DocumentId);
        Assert.Equal("Salary bands", results[0].Title);
        Assert.Contains("120k to 150k", results[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_CallerWithoutThePrincipalNeverGetsOrRanksTheRestrictedDocument()
    {
        var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll(), Corpus.Vpn());
        var withoutRestricted = Corpus.Index(Corpus.Payroll(), Corpus.Vpn());

        var results = index.Search(SalaryQuery, Corpus.Employee);

        Assert.DoesNotContain(results, r => r.DocumentId == "salary-bands");
        Assert.NotEmpty(results);

        // Same passages and scores as an index that never held the restricted document: it did not take a rank or
        // shift the lexical statistics.
        Assert.Equal(withoutRestricted.Search(SalaryQuery, Corpus.Employee), results);
    }

    [Fact]
    public void Search_ExactTextOfARestrictedDocumentReturnsNothingToOthers()
    {
        var index = Corpus.Index(Corpus.Salaries());

        Assert.Empty(index.Search(Corpus.Salaries().Content, Corpus.Employee));
        Assert.Empty(index.Search(Corpus.Salaries().Content, PrincipalSet.Empty));
        Assert.Equal(0, index.DroppedTotal);
    }

    [Fact]
    public void Upsert_AclChangeTakesEffectOnTheNextSearch()
    {
        var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll());
        Assert.DoesNotContain(index.Search(SalaryQuery, Corpus.Employee), r => r.DocumentId == "salary-bands");

        index.Upsert(Corpus.Salaries("group:employees"));
        Assert.Contains(index.Search(SalaryQuery, Corpus.Employee), r => r.DocumentId == "salary-bands");
        Assert.True(index.CanRead(Corpus.Employee, "salary-bands"));

        index.Upsert(Corpus.Salaries("group:hr"));
        Assert.DoesNotContain(index.Search(SalaryQuery, Corpus.Employee), r => r.DocumentId == "salary-bands");
        Assert.False(index.CanRead(Corpus.Employee, "salary-bands"));
        Assert.Equal(2, index.DocumentCount);
        Assert.Equal(0, index.DroppedTotal);
    }

    [Fact]
    public void Upsert_ReplacesEveryChunkOfTheDocument()
    {
        var index = Corpus.Index(Corpus.Document("faq", "FAQ", "# Parking\nPark in lot B.\n# Lunch\nLunch is at noon.", ["group:employees"]));

        index.Upsert(Corpus.Document("faq", "FAQ", "# Parking\nPark in lot C.", ["group:employees"]));

        Assert.Empty(index.Search("lunch noon", Corpus.Employee));
        Assert.Equal("Park in lot C.", Assert.Single(index.Search("park lot", Corpus.Employee)).Text);
        Assert.Equal(1, index.DocumentCount);
    }

    [Fact]
    public void Remove_DropsEveryChunk()
    {
        var longBody = string.Join("\n\n", Enumerable.Range(0, 6).Select(i => $"# Step {i}\nRotate the signing keys in region {i}."));
        var index = Corpus.Index(Corpus.Document("key-rotation", "Key rotation", longBody, ["group:employees"]), Corpus.Vpn());
        Assert.True(index.Search("rotate signing keys", Corpus.Employee, top: 10).Count(r => r.DocumentId == "key-rotation") > 1);

        Assert.True(index.Remove("key-rotation"));

        Assert.Empty(index.Search("rotate signing keys", Corpus.Employee, top: 10));
        Assert.Equal(1, index.DocumentCount);
        Assert.False(index.CanRead(Corpus.Employee, "key-rotation"));
        Assert.False(index.Remove("key-rotation"));
    }

    [Fact]
    public void Remove_FreedSlotsDoNotKeepTheirOldPrincipals()
    {
        var index = Corpus.Index(Corpus.Salaries());
        index.Remove("salary-bands");

        // Reuses the freed slot; HR must not inherit access to it.
        index.Upsert(Corpus.Document("ops-runbook", "Ops runbook", "Senior engineer on call restarts the band service.", ["role:ops"]));

        Assert.Empty(index.Search(SalaryQuery, Corpus.HrPartner));
        Assert.NotEmpty(index.Search(SalaryQuery, PrincipalSet.From(["role:ops"])));

        // The bitmaps kept HR out, not the post-ranking safety net.
        Assert.Equal(0, index.DroppedTotal);
    }

    [Fact]
    public void Search_UnrelatedQueryReturnsNothing()
    {
        var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll(), Corpus.Vpn());

        Assert.Empty(index.Search("Which cafeteria serves vegetarian soup?", Corpus.HrPartner));
        Assert.Empty(index.Search("   ", Corpus.HrPartner));
    }

    [Theory]
    [InlineData("reimbursement travelers", true)]
    [InlineData("travel month", false)]
    public void Search_KeepsAMatchWithoutSharedWordsOnlyAboveTheCosineThreshold(string query, bool kept)
    {
        var document = Corpus.Document("refunds", "Reimbursing travellers", "Reimbursing travellers monthly.", ["group:employees"]);
        var index = Corpus.Index(document);
        var embedder = new HashingEmbedder();
        var cosine = TensorPrimitives.Dot(embedder.Embed(query), embedder.Embed(MarkdownChunker.IndexText(document.Title, MarkdownChunker.Split(document.Content)[0])));

        // Preconditions: no shared content word, and a real (non-zero) similarity on the expected side of the threshold.
        Assert.Empty(TextAnalyzer.ContentTerms(query).Intersect(TextAnalyzer.ContentTerms(document.Title + " " + document.Content)));
        Assert.True(cosine > 0.05f);
        Assert.Equal(kept, cosine >= HybridRanker.MinCosineWithoutLexicalOverlap);

        Assert.Equal(kept, index.Search(query, Corpus.Employee).Any(r => r.DocumentId == "refunds"));
    }

    [Fact]
    public void Search_FindsInflectedWordsWithoutAnExactMatch()
    {
        var index = Corpus.Index(Corpus.Vpn());

        Assert.Equal("vpn-guide", Assert.Single(index.Search("installing clients", Corpus.Employee)).DocumentId);
    }

    [Fact]
    public void Search_ReturnsAtMostTopPassagesBestFirst()
    {
        var documents = Enumerable.Range(0, 8)
            .Select(i => Corpus.Document($"team-{i}", $"Team {i}", $"Team {i} handles expense claims for region {i}.", ["group:employees"]))
            .ToArray();
        var index = Corpus.Index(documents);

        var results = index.Search("expense claims", Corpus.Employee, top: 3);

        Assert.Equal(3, results.Count);
        Assert.True(results.Zip(results.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("expense", Corpus.Employee, top: 0));
    }

    [Fact]
    public void Upsert_RejectsDocumentsWithoutAUsableAcl()
    {
        var index = Corpus.Index();

        var empty = Assert.Throws<ArgumentException>(() => index.Upsert(Corpus.Document("a", "A", "Body.", [])));
        var wildcard = Assert.Throws<ArgumentException>(() => index.Upsert(Corpus.Document("b", "B", "Body.", ["*"])));
        Assert.Throws<ArgumentException>(() => index.Upsert(Corpus.Document("Not An Id", "C", "Body.", ["group:x"])));

        Assert.Contains("deny-by-default", empty.Message, StringComparison.Ordinal);
        Assert.Contains("group:employees", wildcard.Message, StringComparison.Ordinal);
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void CanRead_IsFalseForUnknownIds()
    {
        var index = Corpus.Index(Corpus.Vpn());

        Assert.True(index.CanRead(Corpus.Employee, "vpn-guide"));
        Assert.False(index.CanRead(Corpus.HrPartner, "missing"));
    }

    [Fact]
    public async Task Search_IsSafeDuringConcurrentUpserts()
    {
        var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll(), Corpus.Vpn());
        var cancellationToken = TestContext.Current.CancellationToken;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                index.Upsert(Corpus.Salaries(i % 2 == 0 ? "group:hr" : "role:payroll"));
                index.Upsert(Corpus.Document($"extra-{i % 5}", "Extra", $"Senior engineer note {i}.", ["group:hr"]));
            }
        }, cancellationToken);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var results = index.Search(SalaryQuery, Corpus.Employee);
                Assert.DoesNotContain(results, r => r.DocumentId.StartsWith("extra-", StringComparison.Ordinal) || r.DocumentId == "salary-bands");
            }
        }, cancellationToken));

        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(8, index.DocumentCount);
        Assert.Equal(0, index.DroppedTotal);
    }
}
