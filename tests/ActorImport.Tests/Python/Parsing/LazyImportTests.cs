using ActorImport.Model;
using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

/// <summary>
/// PEP 810 explicit lazy imports. The machine's CPython (3.11) predates them, so the expected
/// messages are PEP 810's, as CPython 3.15 raises them from its symbol table
/// (<c>check_lazy_import_context</c>: try block first, then function, then class; then the
/// star and <c>__future__</c> checks).
/// </summary>
public class LazyImportTests
{
    [Fact]
    public void LazyImportsAreFlagged()
    {
        var module = Parse.Module("lazy import json\nlazy from os import path as p\nimport sys\n");
        var lazyImport = Assert.IsType<ImportStatement>(module.Body[0]);
        Assert.True(lazyImport.IsLazy);
        Assert.Equal((1, 0), (lazyImport.Line, lazyImport.Column));
        Assert.Equal(["json"], lazyImport.BoundNames.ToArray());
        var lazyFrom = Assert.IsType<ImportFromStatement>(module.Body[1]);
        Assert.True(lazyFrom.IsLazy);
        Assert.Equal(["p"], lazyFrom.BoundNames.ToArray());
        Assert.False(Assert.IsType<ImportStatement>(module.Body[2]).IsLazy);
    }

    [Theory]
    [InlineData("lazy = 1\n", typeof(AssignStatement))]
    [InlineData("lazy(x)\n", typeof(ExpressionStatement))]
    [InlineData("lazy.import_module('x')\n", typeof(ExpressionStatement))]
    [InlineData("def lazy(): pass\n", typeof(FunctionDefinition))]
    public void LazyIsANameUnlessImportOrFromFollows(string source, Type expected)
    {
        Assert.IsType(expected, Assert.Single(Parse.Module(source).Body));
    }

    [Fact]
    public void FromDotLazyImportIsARelativeModuleNamedLazy()
    {
        var statement = Parse.Single<ImportFromStatement>("from . lazy import x");
        Assert.Equal(("lazy", 1, false), (statement.Module, statement.Level, statement.IsLazy));
    }

    [Theory]
    [InlineData("if TYPE_CHECKING:\n    lazy import typing\n")]
    [InlineData("if x:\n    pass\nelse:\n    lazy from a import b\n")]
    [InlineData("with ctx:\n    lazy import json\n")]
    [InlineData("for i in x:\n    lazy import json\n")]
    [InlineData("while x:\n    lazy import json\n")]
    [InlineData("match x:\n    case 1:\n        lazy import json\n")]
    [InlineData("if x: lazy import y; lazy from z import w\n")]
    public void AllowedInModuleLevelBlocksOtherThanTry(string source)
    {
        Assert.NotEmpty(Parse.Module(source).Body);
    }

    [Theory]
    [InlineData("def f():\n    lazy import math\n", "lazy import not allowed inside functions", 2, 5)]
    [InlineData("def f():\n    lazy from datetime import datetime\n", "lazy from ... import not allowed inside functions", 2, 5)]
    [InlineData("async def f():\n    lazy import asyncio\n", "lazy import not allowed inside functions", 2, 5)]
    [InlineData("class C:\n    lazy import typing\n", "lazy import not allowed inside classes", 2, 5)]
    [InlineData("class C:\n    lazy from abc import ABC\n", "lazy from ... import not allowed inside classes", 2, 5)]
    [InlineData("try:\n    lazy import os\nexcept:\n    pass\n", "lazy import not allowed inside try/except blocks", 2, 5)]
    [InlineData("try:\n    lazy from sys import path\nexcept ImportError:\n    pass\n", "lazy from ... import not allowed inside try/except blocks", 2, 5)]
    [InlineData("try:\n    lazy import json\nexcept* Exception:\n    pass\n", "lazy import not allowed inside try/except blocks", 2, 5)]
    [InlineData("try:\n    pass\nexcept Exception:\n    lazy import sys\n", "lazy import not allowed inside try/except blocks", 4, 5)]
    [InlineData("try:\n    pass\nexcept Exception:\n    pass\nelse:\n    lazy import sys\n", "lazy import not allowed inside try/except blocks", 6, 5)]
    [InlineData("try:\n    pass\nfinally:\n    if x:\n        lazy import sys\n", "lazy import not allowed inside try/except blocks", 5, 9)]
    [InlineData("class Outer:\n    def method(self):\n        lazy import sys\n", "lazy import not allowed inside functions", 3, 9)]
    [InlineData("def outer():\n    class Inner:\n        lazy import json\n", "lazy import not allowed inside classes", 3, 9)]
    [InlineData("try:\n    def f():\n        lazy import json\nfinally:\n    pass\n", "lazy import not allowed inside functions", 3, 9)]
    [InlineData("lazy from os import *\n", "lazy from ... import * is not allowed", 1, 1)]
    [InlineData("def f():\n    lazy from sys import *\n", "lazy from ... import not allowed inside functions", 2, 5)]
    [InlineData("lazy from __future__ import annotations\n", "lazy from __future__ import is not allowed", 1, 1)]
    [InlineData("x = 1; lazy import y\nif a:\n    try: lazy import z\n    finally: pass\n", "lazy import not allowed inside try/except blocks", 3, 10)]
    public void MisplacedLazyImportsAreSyntaxErrors(string source, string message, int line, int offset)
    {
        var error = Assert.Throws<PythonSyntaxError>(() => Parse.Module(source));
        Assert.Equal(("SyntaxError", message, "<test>", line, offset), (error.TypeName, error.Message, error.FileName, error.Line, error.Offset));
    }
}
