using System.Collections.Frozen;
using System.Text;

namespace GoldenPath.Fast;

/// <summary>Swaps Latin letters for Cyrillic and Greek ones that render the same but compare differently.</summary>
internal sealed class HomoglyphMutator : IMutator
{
    private static readonly FrozenDictionary<char, char> s_lookalikes = new Dictionary<char, char>
    {
        ['a'] = '\u0430', ['c'] = '\u0441', ['e'] = '\u0435', ['o'] = '\u043E', ['p'] = '\u0440',
        ['x'] = '\u0445', ['y'] = '\u0443', ['i'] = '\u0456', ['s'] = '\u0455', ['j'] = '\u0458',
        ['A'] = '\u0391', ['B'] = '\u0392', ['E'] = '\u0395', ['H'] = '\u0397', ['K'] = '\u039A',
        ['M'] = '\u039C', ['O'] = '\u039F', ['P'] = '\u03A1', ['T'] = '\u03A4', ['X'] = '\u03A7',
    }.ToFrozenDictionary();

    public string Name => "homoglyph";

    public string Mutate(string payload, Random random)
    {
        var output = new StringBuilder(payload.Length);
        foreach (var c in payload)
        {
            output.Append(s_lookalikes.TryGetValue(c, out var lookalike) && random.NextDouble() < 0.5 ? lookalike : c);
        }

        return output.ToString();
    }
}
