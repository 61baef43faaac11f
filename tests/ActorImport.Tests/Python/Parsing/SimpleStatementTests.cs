using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

public class SimpleStatementTests
{
    [Fact]
    public void ExpressionStatementKeepsItsTokensAndNames()
    {
        var statement = Parse.Single<ExpressionStatement>("print(os.path.join(a, sep=b))\n");
        Assert.Equal("print(os.path.join(a, sep=b))", statement.Value.Text);
        Assert.Equal(["print", "os", "a", "b"], Parse.Names(statement.Value));
        Assert.Equal((1, 0), (statement.Line, statement.Column));
    }

    [Fact]
    public void AssignmentToANameBindsIt()
    {
        var statement = Parse.Single<AssignStatement>("x = y + 1");
        var target = Assert.IsType<NameTarget>(Assert.Single(statement.Targets));
        Assert.Equal("x", target.Name);
        Assert.Equal(["y"], Parse.Names(statement.Value));
    }

    [Fact]
    public void ChainedAssignmentKeepsTargetsInOrder()
    {
        var statement = Parse.Single<AssignStatement>("a = b.c = d[0] = value");
        Assert.Collection(statement.Targets,
            t => Assert.Equal("a", Assert.IsType<NameTarget>(t).Name),
            t => Assert.Equal("c", Assert.IsType<AttributeTarget>(t).Attribute),
            t => Assert.Equal("d", Assert.IsType<SubscriptTarget>(t).Object.Text));
        Assert.Equal("value", statement.Value.Text);
        Assert.Equal(["a"], statement.Targets.SelectMany(t => t.BoundNames));
    }

    [Theory]
    [InlineData("a, b = 1, 2", "a b")]
    [InlineData("(a, b) = t", "a b")]
    [InlineData("[a, *rest] = t", "a rest")]
    [InlineData("a, (b, [c, d]), *e = t", "a b c d e")]
    [InlineData("x, = t", "x")]
    [InlineData("(x) = t", "x")]
    [InlineData("obj.attr, seq[i] = t", "")]
    [InlineData("f = lambda x, y=1: x + y", "f")]
    public void SequenceTargetsBindEveryNameInside(string source, string bound)
    {
        var statement = Parse.Single<AssignStatement>(source);
        Assert.Equal(bound, string.Join(" ", statement.Targets.SelectMany(t => t.BoundNames)));
    }

    [Fact]
    public void AttributeAndSubscriptTargetsReadTheirObject()
    {
        var statement = Parse.Single<AssignStatement>("sys.modules[name] = module");
        var target = Assert.IsType<SubscriptTarget>(Assert.Single(statement.Targets));
        Assert.Equal("sys.modules", target.Object.Text);
        Assert.Equal("name", target.Index.Text);
        Assert.Empty(target.BoundNames);
        Assert.Equal(["sys", "name"], Parse.Names(target.Expression));
    }

    [Theory]
    [InlineData("+=")]
    [InlineData("//=")]
    [InlineData("**=")]
    [InlineData(">>=")]
    [InlineData("@=")]
    public void AugmentedAssignment(string op)
    {
        var statement = Parse.Single<AugmentedAssignStatement>($"__all__ {op} other.__all__");
        Assert.Equal(op, statement.Operator);
        Assert.Equal("__all__", Assert.IsType<NameTarget>(statement.Target).Name);
        Assert.Equal(["other"], Parse.Names(statement.Value));
    }

    [Fact]
    public void AnnotatedAssignmentWithAndWithoutValue()
    {
        var withValue = Parse.Single<AnnotatedAssignStatement>("x: dict[str, int] = {}");
        Assert.Equal("dict[str, int]", withValue.Annotation.Text);
        Assert.Equal("{}", withValue.Value?.Text);
        Assert.True(withValue.IsSimple);
        var bare = Parse.Single<AnnotatedAssignStatement>("(y): int");
        Assert.Null(bare.Value);
        Assert.False(bare.IsSimple);
        var attribute = Parse.Single<AnnotatedAssignStatement>("self.x: int = 0");
        Assert.IsType<AttributeTarget>(attribute.Target);
    }

    [Fact]
    public void DeleteSplitsItsTargets()
    {
        Assert.Equal(3, Parse.Single<DeleteStatement>("del a, b.c, d[0]").Targets.Length);
        Assert.IsType<SequenceTarget>(Assert.Single(Parse.Single<DeleteStatement>("del (a, b)").Targets));
    }

    [Fact]
    public void KeywordStatements()
    {
        var function = Parse.Single<FunctionDefinition>("def f():\n    pass\n    while x:\n        break\n        continue\n    return\n    return a, b\n");
        Statement[] body = [.. function.Body];
        Assert.IsType<PassStatement>(body[0]);
        var loop = Assert.IsType<WhileStatement>(body[1]);
        Assert.IsType<BreakStatement>(loop.Body[0]);
        Assert.IsType<ContinueStatement>(loop.Body[1]);
        Assert.Null(Assert.IsType<ReturnStatement>(body[2]).Value);
        Assert.Equal("a, b", Assert.IsType<ReturnStatement>(body[3]).Value?.Text);
    }

    [Theory]
    [InlineData("raise", null, null)]
    [InlineData("raise ImportError(name)", "ImportError(name)", null)]
    [InlineData("raise ValueError from exc", "ValueError", "exc")]
    public void Raise(string source, string? exception, string? cause)
    {
        var statement = Parse.Single<RaiseStatement>(source);
        Assert.Equal(exception, statement.Exception?.Text);
        Assert.Equal(cause, statement.Cause?.Text);
    }

    [Fact]
    public void GlobalNonlocalAssert()
    {
        Assert.Equal(["a", "b"], Parse.Single<GlobalStatement>("global a, b").Names.ToArray());
        var inner = Assert.IsType<FunctionDefinition>(Parse.Single<FunctionDefinition>("def f():\n    def g():\n        nonlocal c\n").Body[0]);
        Assert.Equal(["c"], Assert.IsType<NonlocalStatement>(inner.Body[0]).Names.ToArray());
        var assert = Parse.Single<AssertStatement>("assert x > 0, f'bad {x}'");
        Assert.Equal("x > 0", assert.Test.Text);
        Assert.Equal("f'bad {x}'", assert.Message?.Text);
    }

    [Fact]
    public void SemicolonsSeparateSimpleStatements()
    {
        Statement[] body = [.. Parse.Module("import os; x = 1; f(x);\ny = 2\n").Body];
        Assert.Equal(4, body.Length);
        Assert.IsType<ImportStatement>(body[0]);
        Assert.IsType<AssignStatement>(body[1]);
        Assert.IsType<ExpressionStatement>(body[2]);
        Assert.Equal(2, body[3].Line);
    }

    [Fact]
    public void TypeAliasIsASoftKeyword()
    {
        var alias = Parse.Single<TypeAliasStatement>("type Pair[T] = tuple[T, T]");
        Assert.Equal("Pair", alias.Name);
        Assert.Equal("T", alias.TypeParameters?.Text);
        Assert.IsType<AssignStatement>(Parse.Single<AssignStatement>("type = 3"));
        Assert.IsType<ExpressionStatement>(Parse.Single<ExpressionStatement>("type(x)"));
    }

    [Fact]
    public void DocstringIsTheFirstStringStatement()
    {
        Assert.Equal("\"\"\"Doc.\"\"\"", Parse.Module("\"\"\"Doc.\"\"\"\nimport os\n").Docstring);
        Assert.Null(Parse.Module("import os\n'not a docstring'\n").Docstring);
        Assert.Null(Parse.Module("b'bytes'\n").Docstring);
        Assert.Null(Parse.Module("f'{x}'\n").Docstring);
    }

    [Theory]
    [InlineData("print(f'{os.sep.join(parts)!r:>{width}} {{literal}} {n=}')", "print os parts width n")]
    [InlineData("F\"\"\"{a['k']} {b(c, key=d)}\"\"\"", "a b c d")]
    [InlineData("rf'{x}' f'{y:{z}.{w}f}' 'plain {v}'", "x y z w")]
    [InlineData("f'{f\"{inner}\"}'", "inner")]
    public void NamesInFStringFieldsAreRead(string source, string names)
    {
        Assert.Equal(names, string.Join(" ", Parse.Names(Parse.Single<ExpressionStatement>(source).Value)));
    }

    [Fact]
    public void WalrusTargetsAreAssignedNotRead()
    {
        var statement = Parse.Single<ExpressionStatement>("(m := pattern.match(text))");
        Assert.Equal(["m"], statement.Value.AssignedNames.ToArray());
        Assert.Equal(["pattern", "text"], Parse.Names(statement.Value));
    }

    [Fact]
    public void NamesSkipKeywordsAttributesKeywordArgumentsAndLambdaParameters()
    {
        var statement = Parse.Single<ExpressionStatement>("f(lambda a, *b, c=d: a + b + e, key=not x.y, *args, **kw) if None else [i for i in it]");
        Assert.Equal(["f", "d", "e", "x", "args", "kw", "i", "it"], Parse.Names(statement.Value));
    }
}
