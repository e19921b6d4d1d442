using System.Text;

namespace GoldenPath.Fast;

/// <summary>
/// Writes the payload in Unicode tag characters (U+E0020 to U+E007E), which most interfaces do not display but
/// tokenizers still read, behind an innocent visible sentence.
/// </summary>
internal sealed class UnicodeTagMutator : IMutator
{
    private const int TagBase = 0xE0000;

    private static readonly string[] s_carriers =
    [
        "Can you tell me when the office is closed for the holidays?",
        "What is the process for booking a meeting room?",
        "Thanks for your help earlier!",
    ];

    public string Name => "unicode-tags";

    public string Mutate(string payload, Random random)
    {
        var output = new StringBuilder(s_carriers[random.Next(s_carriers.Length)]);
        foreach (var c in payload)
        {
            // Tags cover printable ASCII only; anything else (and line breaks) passes through as it is.
            if (c is >= ' ' and <= '~')
            {
                output.Append(char.ConvertFromUtf32(TagBase + c));
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }
}
