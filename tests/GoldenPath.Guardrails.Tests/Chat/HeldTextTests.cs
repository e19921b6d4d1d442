namespace GoldenPath.Guardrails.Tests;

public sealed class HeldTextTests
{
    [Fact]
    public void Appended_chunks_read_back_as_one_text()
    {
        var held = new HeldText();
        var expected = string.Concat(Enumerable.Range(0, 200).Select(i => $"chunk {i}; "));
        foreach (var i in Enumerable.Range(0, 200))
        {
            held.Append($"chunk {i}; ");
        }

        Assert.Equal(expected.Length, held.Length);
        Assert.Equal(expected, held.ToString(0, held.Length));
        Assert.Equal(expected[1000..1040], held.ToString(1000, 40));
        Assert.Equal(expected[^1], held[held.Length - 1]);
    }

    [Fact]
    public void Text_let_go_of_leaves_positions_unchanged()
    {
        var held = new HeldText();
        var expected = string.Concat(Enumerable.Range(0, 200).Select(i => $"chunk {i}; "));
        foreach (var i in Enumerable.Range(0, 200))
        {
            held.Append($"chunk {i}; ");
            held.DiscardBefore(Math.Max(0, held.Length - 64));
        }

        Assert.Equal(expected.Length, held.Length);
        Assert.Equal(expected.Length - 64, held.Start);
        Assert.Equal(expected[^64..], held.Kept.ToString());
        Assert.Equal(expected[^40..^10], held.ToString(held.Length - 40, 30));
        Assert.Equal(expected[^64], held[held.Start]);
    }
}
