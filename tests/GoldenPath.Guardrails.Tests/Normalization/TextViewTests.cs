namespace GoldenPath.Guardrails.Tests;

public sealed class TextViewTests
{
    [Fact]
    public void A_reversed_view_points_each_character_where_its_mirror_points()
    {
        // "Ｉｇ" widens to two characters from one raw character each; a zero-width space disappears.
        var folded = TextNormalizer.Normalize("Ｉｇ\u200Bnore café").Folded;

        var reversed = folded.Reverse();

        Assert.Equal(new string([.. folded.Text.Reverse()]), reversed.Text);
        for (var i = 0; i < folded.Text.Length; i++)
        {
            var mirror = folded.Text.Length - 1 - i;
            Assert.Equal(folded.RawStart(mirror), reversed.RawStart(i));
            Assert.Equal(folded.RawEnd(mirror), reversed.RawEnd(i));
        }

        Assert.Equal(folded.ToRaw(0, folded.Text.Length), reversed.ToRaw(0, reversed.Text.Length));
    }

    [Fact]
    public void A_builder_keeps_one_character_spans_implicit_until_a_wider_one_arrives()
    {
        var builder = new MappedTextBuilder(2);
        builder.AppendAscii("a  b", [.. Enumerable.Range(0, 128).Select(c => (char)c)], 10, collapseWhitespace: true);
        builder.Append('%', 20, 23);
        builder.Append('c', 23, 24);

        var view = builder.ToView();

        Assert.Equal("a b%c", view.Text);
        Assert.Equal([10, 11, 13, 20, 23], Enumerable.Range(0, 5).Select(view.RawStart));
        Assert.Equal([11, 12, 14, 23, 24], Enumerable.Range(0, 5).Select(view.RawEnd));
    }
}
