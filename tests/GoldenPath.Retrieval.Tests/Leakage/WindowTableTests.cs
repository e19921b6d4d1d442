namespace GoldenPath.Retrieval.Tests.Leakage;

public sealed class WindowTableTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RandomAddsReplacementsAndRemovals_AgreeWithADictionary(bool crowded)
    {
        var random = new Random(crowded ? 11 : 5);
        var table = new WindowTable();
        var expected = new Dictionary<ulong, int>();

        // Crowded keys share their high half, so they all want the same home slot and clusters wrap around the end.
        ulong NextKey() => crowded
            ? 0xFFFF_FFFF_0000_0000UL | (ulong)random.Next(4096)
            : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);

        var keys = new List<ulong>();
        for (var step = 0; step < 60_000; step++)
        {
            var operation = random.Next(10);
            if (operation < 5 || keys.Count == 0)
            {
                var key = NextKey();
                var value = random.Next(-1000, 1000);
                table.Set(key, value);
                if (expected.TryAdd(key, value))
                {
                    keys.Add(key);
                }
                else
                {
                    expected[key] = value;
                }
            }
            else if (operation < 8)
            {
                var index = random.Next(keys.Count);
                var key = keys[index];
                keys[index] = keys[^1];
                keys.RemoveAt(keys.Count - 1);
                Assert.True(table.Remove(key));
                expected.Remove(key);
            }
            else
            {
                var key = NextKey();
                Assert.Equal(expected.Remove(key, out _), table.Remove(key));
                keys.Remove(key);
            }
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(table.TryGetValue(key, out var stored));
            Assert.Equal(value, stored);
        }

        for (var i = 0; i < 1000; i++)
        {
            var key = NextKey();
            Assert.Equal(expected.ContainsKey(key), table.TryGetValue(key, out _));
        }
    }

    [Fact]
    public void TheFreeMarker_IsRefusedAsAValue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowTable().Set(1, WindowTable.Free));
    }
}
