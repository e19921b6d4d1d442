using System.Text;

namespace GoldenPath.Fast;

/// <summary>Hides invisible characters inside words, which splits keywords for filters but not for readers.</summary>
internal sealed class ZeroWidthMutator : IMutator
{
    private static readonly char[] s_invisible = ['\u200B', '\u200C', '\u200D', '\u2060'];

    public string Name => "zero-width";

    public string Mutate(string payload, Random random)
    {
        var output = new StringBuilder(payload.Length * 2);
        for (var i = 0; i < payload.Length; i++)
        {
            output.Append(payload[i]);
            if (char.IsLetter(payload[i]) && i + 1 < payload.Length && char.IsLetter(payload[i + 1]) && random.NextDouble() < 0.6)
            {
                output.Append(s_invisible[random.Next(s_invisible.Length)]);
            }
        }

        return output.ToString();
    }
}
