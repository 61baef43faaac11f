using ActorImport.Python.Tokenizing;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>
/// PEP 701 (3.12) f-strings, which the 3.11 oracle cannot tokenize: a replacement field may
/// reuse the enclosing quote and nest f-strings; the whole literal stays ONE String token, as
/// 3.11's tokenize reports every f-string it accepts.
/// </summary>
public sealed class NestedFStringTests
{
    [Theory]
    [InlineData("f\"{x[\"a\"]}\"")]
    [InlineData("f'{x['a']}'")]
    [InlineData("f\"{f\"{x}\"}\"")]
    [InlineData("f\"{f\"{f\"{x}\"}\"}\"")]
    [InlineData("f\"{'a' if x else \"b\"}\"")]
    [InlineData("f\"{x:{\"w\"}}\"")]
    [InlineData("f\"{\",\".join([\"a\", \"b\"])}!\"")]
    [InlineData("rf\"{x[\"}\"]}\\d\"")]
    [InlineData("f\"\"\"{f\"\"\"{x}\"\"\"}\"\"\"")]
    public void NestedFStringIsOneStringToken(string literal)
    {
        IReadOnlyList<Token> tokens = Tokenizer.Tokenize($"s = {literal}\n", "nested.py");
        Assert.Equal(
            [
                new Token(TokenKind.Name, "s", new(1, 0), new(1, 1)),
                new Token(TokenKind.Op, "=", new(1, 2), new(1, 3)),
                new Token(TokenKind.String, literal, new(1, 4), new(1, 4 + literal.Length)),
                new Token(TokenKind.Newline, "\n", new(1, 4 + literal.Length), new(1, 5 + literal.Length)),
                new Token(TokenKind.EndMarker, "", new(2, 0), new(2, 0)),
            ],
            tokens);
    }

    [Fact]
    public void NestedFStringSpanningLinesEndsOnItsLastLine()
    {
        IReadOnlyList<Token> tokens = Tokenizer.Tokenize("s = f'''{\n  f\"{x['k']}\"\n}''' + y\n", "nested.py");
        Assert.Equal(new Token(TokenKind.String, "f'''{\n  f\"{x['k']}\"\n}'''", new(1, 4), new(3, 4)), tokens[2]);
        Assert.Equal(new Token(TokenKind.Op, "+", new(3, 5), new(3, 6)), tokens[3]);
    }
}
