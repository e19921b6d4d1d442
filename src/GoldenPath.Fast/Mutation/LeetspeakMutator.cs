using System.Text;

namespace GoldenPath.Fast;

internal sealed class LeetspeakMutator : IMutator
{
    public string Name => "leetspeak";

    public string Mutate(string payload, Random random)
    {
        var output = new StringBuilder(payload.Length);
        foreach (var c in payload)
        {
            // Not every letter: mixed text defeats both plain matching and a naive leet-to-letter pass.
            var swap = char.ToLowerInvariant(c) switch
            {
                'a' => '4',
                'e' => '3',
                'i' => '1',
                'o' => '0',
                's' => '5',
                't' => '7',
                _ => c,
            };
            output.Append(swap != c && random.NextDouble() < 0.8 ? swap : c);
        }

        return output.ToString();
    }
}
