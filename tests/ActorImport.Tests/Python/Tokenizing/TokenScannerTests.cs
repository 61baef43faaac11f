using ActorImport.Python.Tokenizing;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>The streaming scanner yields exactly what <see cref="Tokenizer.Tokenize(string, string)"/> lists.</summary>
public sealed class TokenScannerTests
{
    [Fact]
    public void StreamingEqualsTheListForEverySnippet()
    {
        foreach ((string name, string source) in TokenizerSnippets.Valid)
        {
            var scanner = new TokenScanner(source, name);
            var streamed = new List<Token>();
            while (scanner.MoveNext(out Token token))
            {
                streamed.Add(token);
            }
            Assert.False(scanner.MoveNext(out _));
            Assert.Equal(Tokenizer.Tokenize(source, name), streamed);
            Assert.Equal(TokenKind.EndMarker, streamed[^1].Kind);
        }
    }

    [Fact]
    public void RepeatedNamesShareOneString()
    {
        IReadOnlyList<Token> tokens = Tokenizer.Tokenize("self.a = self.b\n", "t.py");
        Assert.Same(tokens[0].Text, tokens[4].Text);
    }
}
