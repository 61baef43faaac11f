using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

public class CompoundStatementTests
{
    [Fact]
    public void IfElifElseNestsLikeAst()
    {
        var statement = Parse.Single<IfStatement>("""
            if sys.platform == 'win32':
                import nt
            elif os.name == 'posix':
                import posix
            else:
                x = 1
            """);
        Assert.Equal(["sys"], Parse.Names(statement.Test));
        Assert.IsType<ImportStatement>(Assert.Single(statement.Body));
        var elif = Assert.IsType<IfStatement>(Assert.Single(statement.OrElse));
        Assert.Equal(3, elif.Line);
        Assert.IsType<AssignStatement>(Assert.Single(elif.OrElse));
    }

    [Fact]
    public void OneLineBodies()
    {
        var statement = Parse.Single<IfStatement>("if x: import y; z = 1\n");
        Assert.Collection(statement.Body, s => Assert.IsType<ImportStatement>(s), s => Assert.IsType<AssignStatement>(s));
        var loop = Parse.Single<WhileStatement>("while 1: break");
        Assert.IsType<BreakStatement>(Assert.Single(loop.Body));
        var function = Parse.Single<FunctionDefinition>("def f(): return 1");
        Assert.IsType<ReturnStatement>(Assert.Single(function.Body));
        var klass = Parse.Single<ClassDefinition>("class C: pass");
        Assert.IsType<PassStatement>(Assert.Single(klass.Body));
    }

    [Fact]
    public void WhileAndForWithElse()
    {
        var loop = Parse.Single<WhileStatement>("while not done:\n    step()\nelse:\n    finish()\n");
        Assert.Single(loop.OrElse);
        var forLoop = Parse.Single<ForStatement>("for i, (k, v) in enumerate(d.items()):\n    pass\nelse:\n    pass\n");
        Assert.Equal(["i", "k", "v"], forLoop.Target.BoundNames.ToArray());
        Assert.Equal("enumerate(d.items())", forLoop.Iterable.Text);
        Assert.False(forLoop.IsAsync);
        Assert.Single(forLoop.OrElse);
    }

    [Fact]
    public void TryWithEveryClause()
    {
        var statement = Parse.Single<TryStatement>("""
            try:
                import json
            except (ImportError, AttributeError) as exc:
                json = None
            except Exception:
                raise
            except:
                pass
            else:
                ok = True
            finally:
                done = True
            """);
        Assert.Equal(3, statement.Handlers.Length);
        Assert.Equal("exc", statement.Handlers[0].Name);
        Assert.Equal("(ImportError, AttributeError)", statement.Handlers[0].Type?.Text);
        Assert.Null(statement.Handlers[2].Type);
        Assert.Single(statement.OrElse);
        Assert.Single(statement.FinalBody);
        Assert.False(statement.IsStar);
    }

    [Fact]
    public void TryStar()
    {
        var statement = Parse.Single<TryStatement>("try:\n    f()\nexcept* ValueError as eg:\n    pass\n");
        Assert.True(statement.IsStar);
        Assert.Equal("ValueError", statement.Handlers[0].Type?.Text);
    }

    [Fact]
    public void WithItemsPlainAndParenthesised()
    {
        var plain = Parse.Single<WithStatement>("with open(p) as f, lock:\n    pass\n");
        Assert.Equal(2, plain.Items.Length);
        Assert.Equal("f", Assert.IsType<NameTarget>(plain.Items[0].Target).Name);
        Assert.Null(plain.Items[1].Target);

        var parenthesised = Parse.Single<WithStatement>("with (\n    open(a) as x,\n    open(b) as (y, z),\n):\n    pass\n");
        Assert.Equal(2, parenthesised.Items.Length);
        Assert.Equal(["y", "z"], parenthesised.Items[1].Target!.BoundNames.ToArray());

        var tupleAsTarget = Parse.Single<WithStatement>("with (a, b) as c:\n    pass\n");
        Assert.Equal("(a, b)", Assert.Single(tupleAsTarget.Items).Context.Text);
    }

    [Fact]
    public void AsyncForms()
    {
        var function = Parse.Single<FunctionDefinition>("async def f():\n    async for x in y:\n        pass\n    async with z as w:\n        pass\n");
        Assert.True(function.IsAsync);
        Assert.True(Assert.IsType<ForStatement>(function.Body[0]).IsAsync);
        Assert.True(Assert.IsType<WithStatement>(function.Body[1]).IsAsync);
    }

    [Fact]
    public void FunctionDefinitionWithDecoratorsAnnotationsAndDefaults()
    {
        var function = Parse.Single<FunctionDefinition>("""
            @functools.lru_cache(maxsize=None)
            @staticmethod
            def f(a, b: int = DEFAULT, /, c=1, *args: str, d, e: 'E' = lambda: x, **kw) -> Result:
                import inner
            """);
        Assert.Equal("f", function.Name);
        Assert.Equal(3, function.Line); // the 'def' line, as ast reports it
        Assert.Equal(["functools.lru_cache(maxsize=None)", "staticmethod"], function.Decorators.Select(d => d.Text));
        Assert.Equal(
            [("a", ParameterKind.PositionalOnly), ("b", ParameterKind.PositionalOnly), ("c", ParameterKind.PositionalOrKeyword),
             ("args", ParameterKind.VarPositional), ("d", ParameterKind.KeywordOnly), ("e", ParameterKind.KeywordOnly), ("kw", ParameterKind.VarKeyword)],
            function.Parameters.Select(p => (p.Name, p.Kind)));
        Assert.Equal("int", function.Parameters[1].Annotation?.Text);
        Assert.Equal("DEFAULT", function.Parameters[1].Default?.Text);
        Assert.Equal("lambda: x", function.Parameters[5].Default?.Text);
        Assert.Equal("Result", function.Returns?.Text);
        Assert.True(Assert.IsType<ImportStatement>(Assert.Single(function.Body)).IsInFunction);
    }

    [Fact]
    public void BareStarMakesKeywordOnly()
    {
        var function = Parse.Single<FunctionDefinition>("def f(a, *, b): pass");
        Assert.Equal([ParameterKind.PositionalOrKeyword, ParameterKind.KeywordOnly], function.Parameters.Select(p => p.Kind));
    }

    [Fact]
    public void ClassDefinitionWithBasesAndKeywords()
    {
        var klass = Parse.Single<ClassDefinition>("""
            @dataclass
            class C(Base, *mixins, metaclass=ABCMeta, **options):
                import inner
                x = 1
            """);
        Assert.Equal("C", klass.Name);
        Assert.Equal(2, klass.Line);
        Assert.Equal([(null, "Base"), (null, "*mixins"), ("metaclass", "ABCMeta"), (null, "**options")],
            klass.Arguments.Select(a => (a.Keyword, a.Value.Text)));
        Assert.False(Assert.IsType<ImportStatement>(klass.Body[0]).IsInFunction);
        Assert.Empty(Parse.Single<ClassDefinition>("class D(): pass").Arguments);
    }

    [Fact]
    public void ImportsInClassesInsideFunctionsAreInAFunction()
    {
        var function = Parse.Single<FunctionDefinition>("def f():\n    class C:\n        import x\n");
        var klass = Assert.IsType<ClassDefinition>(Assert.Single(function.Body));
        Assert.True(Assert.IsType<ImportStatement>(Assert.Single(klass.Body)).IsInFunction);
    }

    [Fact]
    public void BlankLinesAndCommentsAreIgnored()
    {
        var module = Parse.Module("# comment\n\nimport a  # trailing\n\n\nif x:\n    # inside\n\n    pass\n");
        Assert.Equal(2, module.Body.Length);
        Assert.Equal(6, module.Body[1].Line);
    }
}
