namespace GoldenPath.Guardrails;

/// <summary>Builds a <see cref="TextView"/> one character at a time, each tagged with its raw span.</summary>
internal sealed class MappedTextBuilder(int capacity)
{
    private char[] _chars = new char[Math.Max(capacity, 16)];
    private int[] _starts = new int[Math.Max(capacity, 16)];
    private int[] _ends = new int[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public char this[int index] => _chars[index];

    public int StartAt(int index) => _starts[index];

    public int EndAt(int index) => _ends[index];

    public void Append(char c, int rawStart, int rawEnd)
    {
        if (Length == _chars.Length)
        {
            var size = _chars.Length * 2;
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }

        _chars[Length] = c;
        _starts[Length] = rawStart;
        _ends[Length] = rawEnd;
        Length++;
    }

    public void RemoveLast() => Length--;

    public TextView ToView() => TextView.Mapped(new string(_chars, 0, Length), _starts, _ends);
}
