namespace ActorImport.Configuration;

/// <summary>The kinds of token the HOCON tokenizer produces.</summary>
internal enum HoconTokenKind
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    /// <summary><c>=</c> or <c>:</c>.</summary>
    Equals,
    /// <summary><c>+=</c>.</summary>
    PlusEquals,
    /// <summary>A line end (comments are dropped, their line end kept).</summary>
    Newline,
    /// <summary>Spaces or tabs inside a line; kept because unquoted concatenation preserves them.</summary>
    Whitespace,
    Unquoted,
    /// <summary>A quoted or triple-quoted string; <see cref="HoconToken.Text"/> is already unescaped.</summary>
    Quoted,
    /// <summary><c>${path}</c> or <c>${?path}</c>; <see cref="HoconToken.Text"/> is the raw path expression.</summary>
    Substitution,
    EndOfFile,
}

/// <summary>
/// One token with its text and position. Thread-safety: immutable.
/// </summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, HoconPosition Position, bool Optional = false)
{
    public string Describe() => Kind switch
    {
        HoconTokenKind.OpenBrace => "'{'",
        HoconTokenKind.CloseBrace => "'}'",
        HoconTokenKind.OpenBracket => "'['",
        HoconTokenKind.CloseBracket => "']'",
        HoconTokenKind.Comma => "','",
        HoconTokenKind.Equals => $"'{Text}'",
        HoconTokenKind.PlusEquals => "'+='",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.Unquoted => $"'{Text}'",
        HoconTokenKind.Quoted => $"\"{Text}\"",
        HoconTokenKind.Substitution => Optional ? $"'${{?{Text}}}'" : $"'${{{Text}}}'",
        HoconTokenKind.EndOfFile => "end of file",
        _ => Kind.ToString(),
    };
}
