using ActorImport.Model;
using ActorImport.Python.Tokenizing;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Tokenizing;

/// <summary>Each tricky form against tokenize, and each error against compile(), one case per snippet.</summary>
public sealed class TokenizerTests(SnippetOracle oracle) : IClassFixture<SnippetOracle>
{
    public static TheoryData<string> ValidNames => new(TokenizerSnippets.Valid.Keys);

    public static TheoryData<string> InvalidNames => new(TokenizerSnippets.Invalid.Keys);

    [PythonTheory]
    [MemberData(nameof(ValidNames))]
    public void TokensMatchTokenize(string name)
    {
        IReadOnlyList<Token> expected = oracle.Tokens[name];
        IReadOnlyList<Token> actual = Tokenizer.Tokenize(TokenizerSnippets.Valid[name], "snippet.py");
        Assert.Equal(Render(expected), Render(actual));
    }

    [PythonTheory]
    [MemberData(nameof(InvalidNames))]
    public void ErrorsMatchCompile(string name)
    {
        SnippetOracle.CPythonError? expected = oracle.Errors[name];
        Assert.NotNull(expected);
        var error = Assert.Throws<PythonSyntaxError>(() => Tokenizer.Tokenize(TokenizerSnippets.Invalid[name], "snippet.py"));
        if (expected.Line == 0)
        {
            // CPython gives no position (null bytes); ours must still name a real line and column.
            Assert.Equal($"{expected.TypeName}: {expected.Message}", $"{error.TypeName}: {error.Message}");
            Assert.True(error.Line > 0 && error.Offset > 0);
            return;
        }
        Assert.Equal(
            $"{expected.TypeName}: {expected.Message} (line {expected.Line}, offset {expected.Offset})",
            $"{error.TypeName}: {error.Message} (line {error.Line}, offset {error.Offset})");
        Assert.Equal("snippet.py", error.FileName);
    }

    private static string Render(IEnumerable<Token> tokens) => string.Join("\n", tokens);
}
