namespace GoldenPath.Retrieval.Tests.Indexing;

public sealed class KnowledgeIndexCacheTests
{
    [Fact]
    public void Search_CachesPerPrincipalSetSoTwoUsersAskingTheSameQuestionGetTheirOwnResults()
    {
        using var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll());

        var hrFirst = index.Search("salary", Corpus.HrPartner);
        var employeeFirst = index.Search("salary", Corpus.Employee);
        var hrSecond = index.Search("salary", Corpus.HrPartner);
        var employeeSecond = index.Search("salary", Corpus.Employee);

        Assert.Equal(2, index.CacheHits);
        Assert.Contains(hrSecond, p => p.DocumentId == "salary-bands");
        Assert.DoesNotContain(employeeSecond, p => p.DocumentId == "salary-bands");
        Assert.Equal(hrFirst, hrSecond);
        Assert.Equal(employeeFirst, employeeSecond);
    }

    [Fact]
    public void Search_AfterAnAclChangeIsNotServedFromTheCache()
    {
        using var index = Corpus.Index(Corpus.Salaries(), Corpus.Payroll());
        Assert.Contains(index.Search("salary", Corpus.HrPartner), p => p.DocumentId == "salary-bands");

        index.Upsert(Corpus.Salaries("group:finance"));

        Assert.DoesNotContain(index.Search("salary", Corpus.HrPartner), p => p.DocumentId == "salary-bands");
        Assert.Equal(0, index.CacheHits);
    }

    [Fact]
    public void Search_AfterARemovalIsNotServedFromTheCache()
    {
        using var index = Corpus.Index(Corpus.Payroll());
        Assert.NotEmpty(index.Search("salary payments", Corpus.Employee));

        index.Remove("payroll-calendar");

        Assert.Empty(index.Search("salary payments", Corpus.Employee));
    }

    [Fact]
    public void Cache_EvictsTheLeastRecentlyUsedEntryAndDropsResultsFromBeforeAWrite()
    {
        var cache = new SearchCache(capacity: 2);
        var a = new SearchCache.Key("p", "a", 4);
        var b = new SearchCache.Key("p", "b", 4);
        var c = new SearchCache.Key("p", "c", 4);
        cache.Add(a, [], cache.Generation);
        cache.Add(b, [], cache.Generation);
        Assert.True(cache.TryGet(a, out _));
        cache.Add(c, [], cache.Generation);

        Assert.False(cache.TryGet(b, out _));
        Assert.True(cache.TryGet(a, out _));
        Assert.True(cache.TryGet(c, out _));

        var before = cache.Generation;
        cache.Invalidate();
        cache.Add(b, [], before);
        Assert.Equal(0, cache.Count);
    }
}
