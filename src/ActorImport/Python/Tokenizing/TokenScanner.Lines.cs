namespace ActorImport.Python.Tokenizing;

/// <summary>Physical lines: where they start and end, and columns counted in code points.</summary>
public sealed partial class TokenScanner
{
    /// <summary>Makes the line starting at <paramref name="start"/> current (the line number advances when start > 0).</summary>
    private void StartLineAt(int start)
    {
        if (start > _lineStart)
        {
            _line++;
        }
        _lineStart = start;
        // Columns count code points: only lines holding surrogate pairs need counting.
        if (_sourceHasSurrogates)
        {
            int end = LineEnd(start);
            _lineHasSurrogates = _source.AsSpan(start, end - start).IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        }
    }

    /// <summary>The index of the line break ending the line that starts at <paramref name="start"/> (or the text's end).</summary>
    private int LineEnd(int start)
    {
        int i = _source.AsSpan(start).IndexOfAny('\n', '\r');
        return i < 0 ? _source.Length : start + i;
    }

    private int NextLineStart(int start)
    {
        int end = LineEnd(start);
        if (end >= _source.Length)
        {
            return _source.Length;
        }
        return _source[end] == '\r' && end + 1 < _source.Length && _source[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /// <summary>The 0-based column of <paramref name="index"/> on the current line, in code points.</summary>
    private int ColumnOf(int index)
    {
        int column = index - _lineStart;
        if (_lineHasSurrogates)
        {
            // A surrogate pair is one character: do not count its low half.
            foreach (char c in _source.AsSpan(_lineStart, index - _lineStart))
            {
                if (char.IsLowSurrogate(c))
                {
                    column--;
                }
            }
        }
        return column;
    }

    /// <summary>The text of the line starting at <paramref name="start"/>, without its line break.</summary>
    private string LineText(int start) => _source.Substring(start, LineEnd(start) - start);
}
