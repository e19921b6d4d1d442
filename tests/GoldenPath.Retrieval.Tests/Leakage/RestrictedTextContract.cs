namespace GoldenPath.Retrieval.Tests.Leakage;

/// <summary>What every store's restricted-text probe must find and must not find; each store's class supplies the store.</summary>
public abstract class RestrictedTextContract
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty store; disposing it drops its data.</summary>
    private protected abstract Task<ProbeStore> CreateAsync();

    [Fact]
    public async Task VerbatimCopy_IsMatchedWithItsSpanAndDocument()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());
        var answer = $"Here is what I found: {LeakCorpus.MergerSentence}. Anything else?";

        var match = Assert.Single(await store.FindAsync(answer, LeakCorpus.Employee));

        Assert.Equal("merger-plan", match.DocumentId);
        Assert.Equal((answer.IndexOf(LeakCorpus.MergerSentence, StringComparison.Ordinal), LeakCorpus.MergerSentence.Length), (match.Start, match.Length));
    }

    [Fact]
    public async Task RewrappedRecasedAndRepunctuatedCopy_IsMatched()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());
        var disguised = LeakCorpus.MergerSentence.ToUpperInvariant()
            .Replace(" THE ", "\n   the, ", StringComparison.Ordinal)
            .Replace(" FOR ", " -- for: ", StringComparison.Ordinal)
            .Replace(" AND ", "\t\r\n(and) ", StringComparison.Ordinal);
        var answer = $"> Quoting:\n{disguised}!!\n\nThat is all.";

        var match = Assert.Single(await store.FindAsync(answer, LeakCorpus.Employee));

        Assert.Equal("merger-plan", match.DocumentId);
        Assert.Equal(LeakCorpus.Span(answer, "THE BOARD", "HANDS"), (match.Start, match.Length));
    }

    [Fact]
    public async Task TextTheCallerMayRead_IsNotAMatch()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());

        Assert.Empty(await store.FindAsync($"Sure: {LeakCorpus.HandbookSentence}.", LeakCorpus.Employee));
        Assert.Empty(await store.FindAsync($"Sure: {LeakCorpus.MergerSentence}.", LeakCorpus.Board));
    }

    [Fact]
    public async Task TextInAReadableAndARestrictedDocument_IsNotAMatch()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());

        Assert.Empty(await store.FindAsync($"Note: {LeakCorpus.Footer}", LeakCorpus.Employee));
    }

    [Fact]
    public async Task FewerThanEightCopiedWords_AreNotAMatch_EightAre()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger());
        var words = LeakCorpus.MergerSentence.Split(' ');

        var seven = $"Rumour has it {string.Join(' ', words[..7])} yesterday.";
        var eight = $"Rumour has it {string.Join(' ', words[..8])} yesterday.";

        Assert.Empty(await store.FindAsync(seven, LeakCorpus.Employee));
        Assert.Single(await store.FindAsync(eight, LeakCorpus.Employee));
    }

    [Fact]
    public async Task SeparateCopiedRuns_AreSeparateMatchesAttributedToTheirDocuments()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Codename(), LeakCorpus.Handbook());
        var codenameOnly = "Codenames are reassigned every year";
        var answer = $"{LeakCorpus.HandbookSentence}. Also {LeakCorpus.CodenameSentence}. {codenameOnly}, and {LeakCorpus.MergerSentence}.";

        var matches = await store.FindAsync(answer, LeakCorpus.Employee);

        // The codename sentence is in both restricted documents; the run that continues into the register's own text
        // holds more of its windows, so it is attributed to the register.
        Assert.Equal(
            [
                new RestrictedTextMatch(LeakCorpus.Span(answer, "Inside", codenameOnly).Start, LeakCorpus.Span(answer, "Inside", codenameOnly).Length, "codename-register"),
                new RestrictedTextMatch(answer.IndexOf(LeakCorpus.MergerSentence, StringComparison.Ordinal), LeakCorpus.MergerSentence.Length, "merger-plan"),
            ],
            matches);
    }

    [Fact]
    public async Task ACallerWithoutPrincipals_MayReadNothing()
    {
        await using var store = await StoreAsync(LeakCorpus.Handbook());

        Assert.Single(await store.FindAsync(LeakCorpus.HandbookSentence, PrincipalSet.Empty));
    }

    [Fact]
    public async Task RemovingTheDocument_EndsTheMatch()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());
        Assert.NotEmpty(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));

        Assert.True(await store.Store.RemoveAsync("merger-plan", Token));

        Assert.Empty(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));

        // The footer both documents held is now the handbook's alone.
        Assert.Equal("handbook", Assert.Single(await store.FindAsync(LeakCorpus.Footer, PrincipalSet.Empty)).DocumentId);
    }

    [Fact]
    public async Task ChangingTheAcl_TakesEffectOnTheNextCheck()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger("group:employees"));
        Assert.Empty(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));

        await store.Store.UpsertAsync(LeakCorpus.Merger("group:board"), Token);
        Assert.Single(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));

        await store.Store.UpsertAsync(LeakCorpus.Merger("group:board", "user:bo"), Token);
        Assert.Empty(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));
    }

    [Fact]
    public async Task EditingTheText_DropsTheOldWindows()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger());

        await store.Store.UpsertAsync(LeakCorpus.Merger() with { Content = "# Decision\nThe acquisition was called off." }, Token);

        Assert.Empty(await store.FindAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee));
    }

    [Fact]
    public async Task TheSynchronousCheck_AgreesWithTheAsynchronousOne()
    {
        await using var store = await StoreAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());
        var answer = $"{LeakCorpus.HandbookSentence}; {LeakCorpus.MergerSentence}";

        var synchronous = store.Finder.FindUnreadableText(answer, LeakCorpus.Employee);

        Assert.NotEmpty(synchronous);
        Assert.Equal(await store.FindAsync(answer, LeakCorpus.Employee), synchronous);
    }

    private async Task<ProbeStore> StoreAsync(params AclDocument[] documents)
    {
        var store = await CreateAsync();
        foreach (var document in documents)
        {
            await store.Store.UpsertAsync(document, Token);
        }

        return store;
    }
}
