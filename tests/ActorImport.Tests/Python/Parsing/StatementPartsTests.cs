using ActorImport.Python.Syntax;

namespace ActorImport.Tests.Python.Parsing;

public class StatementPartsTests
{
    [Fact]
    public void DescendantsVisitEveryNestedStatementInSourceOrder()
    {
        var module = Parse.Module("""
            import a
            try:
                import b
            except ImportError:
                def f(x=default):
                    import c
            else:
                class C:
                    import d
            """);
        var imports = module.Body.DescendantsAndSelf().OfType<ImportStatement>().Select(i => (i.Names[0].Name, i.IsInFunction));
        Assert.Equal([("a", false), ("b", false), ("c", true), ("d", false)], imports);
        var function = module.Body.DescendantsAndSelf().OfType<FunctionDefinition>().Single();
        Assert.Equal(["default"], function.OwnExpressions().SelectMany(e => e.Names).ToArray());
    }
}
