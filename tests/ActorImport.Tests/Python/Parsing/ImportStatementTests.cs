using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

public class ImportStatementTests
{
    [Fact]
    public void ImportWithDottedNamesAndAliases()
    {
        var statement = Parse.Single<ImportStatement>("import os.path, sys as system, a.b.c as d");
        Assert.Equal([("os.path", null), ("sys", "system"), ("a.b.c", "d")], statement.Names.Select(n => (n.Name, n.AsName)));
        Assert.Equal(["os", "system", "d"], statement.BoundNames.ToArray());
        Assert.False(statement.IsLazy);
        Assert.False(statement.IsInFunction);
    }

    [Theory]
    [InlineData("from os import path", "os", 0)]
    [InlineData("from . import x", null, 1)]
    [InlineData("from .. import x", null, 2)]
    [InlineData("from ... import x", null, 3)]
    [InlineData("from .... import x", null, 4)]
    [InlineData("from ....pkg.mod import x", "pkg.mod", 4)]
    [InlineData("from . . . import x", null, 3)]
    [InlineData("from .mod import x", "mod", 1)]
    public void FromImportLevels(string source, string? module, int level)
    {
        var statement = Parse.Single<ImportFromStatement>(source);
        Assert.Equal(module, statement.Module);
        Assert.Equal(level, statement.Level);
    }

    [Fact]
    public void ParenthesisedNamesWithTrailingComma()
    {
        var statement = Parse.Single<ImportFromStatement>("from m import (\n    a,\n    b as c,\n)\n");
        Assert.Equal([("a", null), ("b", "c")], statement.Names.Select(n => (n.Name, n.AsName)));
        Assert.Equal(["a", "c"], statement.BoundNames.ToArray());
        Assert.Equal(2, statement.Names[0].Position.Line);
    }

    [Fact]
    public void StarImport()
    {
        var statement = Parse.Single<ImportFromStatement>("from m import *");
        Assert.True(statement.IsStar);
        Assert.Equal("*", Assert.Single(statement.Names).Name);
        Assert.Empty(statement.BoundNames);
    }

    [Fact]
    public void ImportsInFunctionsAreDeferred()
    {
        var function = Parse.Single<FunctionDefinition>("def f():\n    if x:\n        from . import y\n");
        var ifStatement = Assert.IsType<IfStatement>(Assert.Single(function.Body));
        Assert.True(Assert.IsType<ImportFromStatement>(Assert.Single(ifStatement.Body)).IsInFunction);
    }

    [Fact]
    public void StatementPositionsAreLineAndColumn()
    {
        var module = Parse.Module("if x:\n    import a\n");
        var inner = Assert.IsType<ImportStatement>(Assert.Single(Assert.IsType<IfStatement>(module.Body[0]).Body));
        Assert.Equal((2, 4), (inner.Line, inner.Column));
    }
}
