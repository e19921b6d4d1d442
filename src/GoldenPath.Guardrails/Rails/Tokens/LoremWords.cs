using System.Collections.Frozen;

namespace GoldenPath.Guardrails;

/// <summary>The pseudo-Latin vocabulary of lorem-ipsum placeholder text, a common ready-made padding.</summary>
internal static class LoremWords
{
    private static readonly FrozenSet<string> s_words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "adipisicing", "elit", "sed", "do",
        "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim",
        "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex", "ea", "commodo",
        "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate", "velit", "esse", "cillum", "eu",
        "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat", "cupidatat", "non", "proident", "sunt",
        "culpa", "qui", "officia", "deserunt", "mollit", "anim", "id", "est", "laborum", "vestibulum", "mauris",
        "nunc", "nibh", "tellus", "vitae", "pellentesque", "habitant", "morbi", "tristique", "senectus", "netus",
        "malesuada", "fames", "ac", "turpis", "egestas", "integer", "feugiat", "scelerisque", "varius", "massa",
        "donec", "pretium", "vulputate", "sapien", "nec", "sagittis", "aliquam", "faucibus", "purus", "viverra",
        "accumsan", "lacus", "vel", "facilisis", "volutpat", "quam", "pulvinar", "etiam", "dignissim", "diam",
        "tincidunt", "praesent", "semper", "leo", "urna", "molestie", "at", "elementum", "eget", "arcu",
        "risus", "porttitor", "rhoncus", "odio", "ornare", "lectus", "mattis", "blandit", "cursus", "euismod",
        "lacinia", "ultrices", "neque", "aenean", "posuere", "fusce", "convallis", "interdum", "mi",
        "suspendisse", "potenti", "nullam", "condimentum", "placerat", "orci", "dapibus", "libero", "justo", "augue");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup = s_words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a lorem word, ignoring case and surrounding punctuation.</summary>
    public static bool Contains(ReadOnlySpan<char> token) => s_lookup.Contains(token.Trim(".,;:!?\"'()"));
}
