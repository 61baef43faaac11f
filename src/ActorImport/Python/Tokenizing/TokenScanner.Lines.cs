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
        if (!_lineHasSurrogates)
        {
            return column;
        }
        // A surrogate pair is one character: do not count its low half. Counting from the line
        // start on every call was quadratic on a long line (found by fuzzing: a 50,000-character
        // line of "1+1+…" after one emoji took 9 s), so count on from the last index asked on this
        // line; the scanner asks in increasing order but for error texts.
        if (_columnLineStart != _lineStart || index < _columnIndex)
        {
            (_columnLineStart, _columnIndex, _columnLowSurrogates) = (_lineStart, _lineStart, 0);
        }
        foreach (char c in _source.AsSpan(_columnIndex, index - _columnIndex))
        {
            if (char.IsLowSurrogate(c))
            {
                _columnLowSurrogates++;
            }
        }
        _columnIndex = index;
        return column - _columnLowSurrogates;
    }

    // ColumnOf's running count: low surrogates on the line starting at _columnLineStart before _columnIndex.
    private int _columnLineStart = -1;
    private int _columnIndex;
    private int _columnLowSurrogates;

    /// <summary>The text of the line starting at <paramref name="start"/>, without its line break.</summary>
    private string LineText(int start) => _source.Substring(start, LineEnd(start) - start);
}
